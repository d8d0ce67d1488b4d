<?php
if (!defined('HOST_APP')) { die('Access Denied'); }
if (isset($_GET['download_file'])) { deliverFile($_GET['download_file']); }
if (isset($_POST['cancel'])) { header('Location: ' . pageUrl()); exit; } // expect: reopen-after-output
