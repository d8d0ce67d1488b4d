<?php
// Near miss of dead-branch.ok.php: `if (true)` always runs its body, so the sleep runs with the
// session held.
declare(strict_types=1);

session_start();
$user = (string) ($_SESSION['user'] ?? '');
if (true) {
    sleep(5); // expect: held-across-slow-call
}
$_SESSION['seen'] = time();
session_write_close();
echo htmlspecialchars($user);
