<?php
// A redirect helper that returns only for an empty URL (`if (!$url) return false;`), else sends
// the header and exits. Called with a URL built with a literal part, which PHP never reads as
// false: the helper exits on the destroy path, so the write after it runs with the session open.
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
    go('/index.php?rt=' . ($_GET['rt'] ?? 'home'));
}
$_SESSION['t'] = time();
