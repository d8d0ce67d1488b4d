<?php
// One redirect helper, two callers: a built URL (the helper exits) and a maybe-empty one (it
// may return). Each call is summarised with what its own argument decides, not the other's.
function go($url) {
    if (!$url) {
        return false;
    }
    header('Location: ' . $url);
    exit;
}
function expire_built() {
    session_start();
    session_destroy();
    go('/login?from=' . ($_GET['rt'] ?? ''));
    $_SESSION['t'] = time();
}
function expire_maybe_empty() {
    session_start();
    session_destroy();
    go($_GET['next'] ?? '');
    $_SESSION['t'] = time(); // expect: write-after-close
}
