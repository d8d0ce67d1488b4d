<?php
// The page includes functions.php, which includes boot.php: boot.php has run before the
// session starts. head.php's `require_once` of boot.php, later, with the session open, does
// nothing, because PHP keeps the request's included files through nested includes too.
// The near miss, where functions.php includes boot.php on one branch only, is ../once-include-nested.
require_once __DIR__ . '/inc/functions.php';
session_start();
$_SESSION['seen'] = time();
require_once __DIR__ . '/inc/head.php';
echo greeting((string) ($_SESSION['name'] ?? 'guest'));
