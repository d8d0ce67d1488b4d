<?php
// Twin of redirect-helper-built-url.ok.php: the only literal part is `'0'`, and `'0' . ''` is
// `'0'`, which PHP reads as false: the helper may return, and the write may be lost.
function go($url) {
    if (!$url) {
        return false;
    }
    header('Location: ' . $url);
    exit;
}
session_start();
if (isset($_SESSION['t']) && time() - $_SESSION['t'] > 60) {
    session_unset();
    session_destroy();
    go('0' . ($_GET['rt'] ?? ''));
}
$_SESSION['t'] = time(); // expect: write-after-close@info
