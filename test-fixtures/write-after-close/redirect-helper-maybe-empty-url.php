<?php
// Twin of redirect-helper-built-url.ok.php: the URL may be empty (`?? ''`), so the helper may
// return without exiting, and the write after the destroy may be lost.
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
    go($_GET['next'] ?? '');
}
$_SESSION['t'] = time(); // expect: write-after-close@info
