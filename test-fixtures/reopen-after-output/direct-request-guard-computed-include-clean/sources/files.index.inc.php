<?php
// A direct request dies here.
if (!defined('CC_INI_SET')) { die('Access Denied'); }
if (isset($_GET['download_file'])) { deliverFile($_GET['download_file']); }
if (isset($_POST['cancel'])) { header('Location: ' . pageUrl()); exit; }
