<?php
// Near miss of dead-branch.ok.php: `if (true)` always runs its body, so the sleep runs with the
// session held.
declare(strict_types=1);

session_start();
$user = (string) ($_SESSION['user'] ?? '');
if (true) {
    session_write_close();
    sleep(5); // expect: held-across-slow-call
}
session_start();
$_SESSION['seen'] = time();
session_write_close();
echo htmlspecialchars($user);
