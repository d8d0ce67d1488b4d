<?php
// This entry defines PAGE_NAME as 'search' before including init.php, whose switch compares it
// (a comparison init.php does not remember): `case 'style'` cannot run in this request, the
// session stays open, and the later session_start() is only a redundant start.
define('PAGE_NAME', 'search');
require('inc/init.php');
echo 'results';
flush();
session_start(); // expect: session-already-open@info
