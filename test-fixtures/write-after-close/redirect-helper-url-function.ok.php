<?php
// As redirect-helper-built-url.ok.php, with the URL returned by a project function whose only
// return is a string built with a literal part (AbanteCart's `redirect(currentURL())`): the
// helper exits on the destroy path.
function go($url) {
    if (!$url) {
        return false;
    }
    header('Location: ' . $url);
    exit;
}
function here() { return '/index.php?rt=' . ($_GET['rt'] ?? 'home'); }
session_start();
if (isset($_SESSION['t']) && time() - $_SESSION['t'] > 60) {
    session_unset();
    session_destroy();
    go(here());
}
$_SESSION['t'] = time();
