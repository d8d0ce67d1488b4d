<?php
// As redirect-helper-built-url.ok.php, with the URL interpolated into a string with literal text.
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
    go("/index.php?rt={$_GET['rt']}");
}
$_SESSION['t'] = time();
