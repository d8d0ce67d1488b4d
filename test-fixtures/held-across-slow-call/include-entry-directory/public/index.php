<?php
// Relative includes resolve against the directory of the entry script the web server runs
// (PHP's `.`), not the including file's: inc/a.php's 'inc/b.php' is public/inc/b.php, and
// inc/b.php's './inc/slow.php' is public/inc/slow.php, which sleeps under the lock.
session_start();
require 'inc/a.php'; // expect: held-across-slow-call
$_SESSION['seen'] = true;
