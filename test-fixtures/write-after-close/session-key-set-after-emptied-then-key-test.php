<?php
// Twin of session-array-emptied-then-key-test.ok.php: after emptying, the logout branch sets
// a key again, so the session is no longer empty and the test may pass after the destroy.
declare(strict_types=1);

session_start();
if (isset($_GET['logout'])) {
    $_SESSION = [];
    $_SESSION['user'] = 'guest';
    session_destroy();
}
if (!empty($_SESSION['user'])) {
    $_SESSION['last_seen'] = time(); // expect: write-after-close
}
