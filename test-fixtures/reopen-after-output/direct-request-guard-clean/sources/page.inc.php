<?php
// Included only (CubeCart's admin sources): a direct request dies here.
if (!defined('CC_INI_SET')) { die('Access Denied'); }
echo 'x';
flush();
if (session_status() !== PHP_SESSION_ACTIVE) { session_start(); }
$_SESSION['seen'] = 1;
