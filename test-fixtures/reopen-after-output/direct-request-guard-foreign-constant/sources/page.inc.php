<?php
if (!defined('HOST_APP')) { die('Access Denied'); }
echo 'x';
flush();
if (session_status() !== PHP_SESSION_ACTIVE) { session_start(); } // expect: reopen-after-output
$_SESSION['seen'] = 1;
