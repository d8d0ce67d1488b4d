<?php
// A helper that reopens the session only when it is closed and has an id (a reopen-if-closed
// guard), runs the change, and closes only what it reopened. Called after
// session_write_close(), which keeps the id, the guard holds and the write is saved.
// The near miss after session_destroy(), which forgets the id, is helper-reopens-after-destroy.php.
declare(strict_types=1);

function with_session(callable $mutator): void
{
    $reopened = false;
    if (session_status() === PHP_SESSION_NONE && session_id() !== '') {
        @session_start();
        $reopened = true;
    }
    $mutator();
    if ($reopened) {
        session_write_close();
    }
}

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
with_session(function () use ($userId): void {
    $_SESSION['alerts'][] = "Saved for user $userId";
});
