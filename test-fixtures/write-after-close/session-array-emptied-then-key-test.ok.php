<?php
// `$_SESSION = []` empties the array as `session_unset()` does: after the logout branch no
// key is set, so `!empty($_SESSION['user'])` is false and the write behind it is not reached
// on the path that destroyed the session.
declare(strict_types=1);

session_start();
if (isset($_GET['logout'])) {
    $_SESSION = [];
    session_destroy();
}
if (!empty($_SESSION['user'])) {
    $_SESSION['last_seen'] = time();
}
