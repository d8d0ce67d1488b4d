<?php
// Debug code switched off with `if (false)`: the slow call in it never runs, so the session
// is not held across it.
declare(strict_types=1);

session_start();
$user = (string) ($_SESSION['user'] ?? '');
if (false) {
    sleep(5);
}
$_SESSION['seen'] = time();
session_write_close();
echo htmlspecialchars($user);
