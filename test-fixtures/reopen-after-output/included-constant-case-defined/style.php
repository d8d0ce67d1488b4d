<?php
// Twin of included-constant-case-unset: this entry defines PAGE_NAME as 'style', so init.php's
// `case 'style'` closes the session and the session_start() after the output reopens it.
define('PAGE_NAME', 'style');
require('inc/init.php');
echo 'css';
flush();
session_start(); // expect: reopen-after-output
