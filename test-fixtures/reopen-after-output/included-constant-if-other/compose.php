<?php
// `PAGE_NAME === 'login'` is false for this entry's constant: the session stays open, and the
// session_start() after the output is only a redundant start.
define('PAGE_NAME', 'compose');
require('inc/init.php');
echo 'compose';
flush();
session_start(); // expect: session-already-open@info
