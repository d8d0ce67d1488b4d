<?php
// A project ships a PHP 3 session emulation (osCommerce's `sessions.php`, in A2Billing) that
// declares `session_start()` in the global namespace. PHP cannot redeclare a built-in, so that
// file never runs and this start is PHP's own: the session is held across the remote read.
session_start();
$_SESSION['seen'] = time();
$news = file_get_contents('https://news.example.com/feed'); // expect: held-across-slow-call@warning
echo $news;
