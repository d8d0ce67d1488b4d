<?php
// Twin: the login page's constant makes init.php close the session; the start after the output fails.
define('PAGE_NAME', 'login');
require('inc/init.php');
echo 'login';
flush();
session_start(); // expect: reopen-after-output
