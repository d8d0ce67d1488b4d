<?php
// Only PHP functions that print nothing run before implicit flushing is switched on: the
// buffer is empty, nothing is sent, and the session start after it still works.
define('PAGE_NAME', 'configtest');
error_reporting(E_ALL);
ini_set('display_errors', '1');
ob_implicit_flush();
session_start();
$_SESSION['seen'] = true;
