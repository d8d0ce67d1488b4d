<?php
// Reduced from fusionpbx `resources/check_auth.php`: the session is destroyed only when
// `$_SESSION['authorized']` is true, and the write below runs only when it is false. Two flags
// tested earlier (and again at the end) split the paths into more cases than a join keeps
// (MAX_CASES); the join must forget a flag, which tells nothing about the session, and keep
// `$_SESSION['authorized']`, whose value tells the destroyed path from the one that writes.
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
if (!$_SESSION['authorized']) {
    $_SESSION['template'] = '';
}
if (isset($cache) && $cache) {
    echo 'cached';
}
if (isset($debug) && $debug) {
    echo 'debug';
}
