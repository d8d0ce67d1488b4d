<?php
// ../once-include-nested-clean, but functions.php includes boot.php on one branch only: on the
// other, head.php's `require_once` of boot.php is its first include, made with the session
// open, and on a fresh install it asks the update server with the lock held.
require_once __DIR__ . '/inc/functions.php';
session_start();
$_SESSION['seen'] = time();
require_once __DIR__ . '/inc/head.php'; // expect: held-across-slow-call
echo greeting((string) ($_SESSION['name'] ?? 'guest'));
