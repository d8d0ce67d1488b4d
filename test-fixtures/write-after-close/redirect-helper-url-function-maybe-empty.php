<?php
// Twin of redirect-helper-url-function.ok.php: the function returning the URL may return an
// empty string on one path, so the helper may return and the write may be lost.
function go($url) {
    if (!$url) {
        return false;
    }
    header('Location: ' . $url);
    exit;
}
function here() {
    if (!isset($_GET['rt'])) {
        return '';
    }
    return '/index.php?rt=' . $_GET['rt'];
}
session_start();
if (isset($_SESSION['t']) && time() - $_SESSION['t'] > 60) {
    session_unset();
    session_destroy();
    go(here());
}
$_SESSION['t'] = time(); // expect: write-after-close@info
