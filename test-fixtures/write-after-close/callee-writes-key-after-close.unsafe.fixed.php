<?php
// Near miss of callee-clears-in-memory-after-close.ok.php: the helper writes a key, not the
// whole array, after its caller closed the session: the change is lost.
declare(strict_types=1);

function remember_volatile(): void
{
    $_SESSION['volatile'] = true;
}

session_start();
$user = $_SESSION['user'] ?? null;
session_write_close();
session_start();
remember_volatile(); // expect: write-after-close
session_write_close();
echo $user;
