<?php
// Twin in the same project: this entry's PAGE_NAME is 'style', so init.php closes the session
// and the session_start() after the output is a reopen that fails.
define('PAGE_NAME', 'style');
require('inc/init.php');
echo 'css';
flush();
session_start(); // expect: reopen-after-output
