<?php
// Positive twin of `corpus-session-key-fact-kept-past-case-cap.ok.php`: the write runs when
// `$_SESSION['authorized']` is true, which is also when the session may have been destroyed,
// so it may be lost, however many cases the flags tested around it make.
session_start();
$cache = $_GET['cache'] ?? null;
$debug = $_GET['debug'] ?? null;
if (isset($cache) && $cache) {
    $hits = 1;
}
if (isset($debug) && $debug) {
    $trace = 1;
}
if (!isset($_SESSION['authorized'])) {
    $_SESSION['authorized'] = false;
}
if ($_SESSION['authorized'] && $_SESSION['hash'] !== hash('sha256', $_SERVER['HTTP_USER_AGENT'])) {
    session_destroy();
}
if ($_SESSION['authorized']) {
    $_SESSION['template'] = ''; // expect: write-after-close@info
}
if (isset($cache) && $cache) {
    echo 'cached';
}
if (isset($debug) && $debug) {
    echo 'debug';
}
