<?php
// reopen-helper-in-function-called-open.ok.php with a caller that closed the session before the
// call: the helper reopens and closes again for its own write, and `$_SESSION['uid']` after
// it is made with the session closed, so it is lost. The helper's close only undid its own
// reopen: the close that lost the write is the caller's, and the finding names it.
declare(strict_types=1);

function with_session(callable $mutator): void
{
    $reopened = false;
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
        $reopened = true;
    }
    $mutator();
    if ($reopened) {
        session_write_close();
    }
}

function set_alert(string $message): void
{
    with_session(function () use ($message): void {
        $_SESSION['alerts'][] = $message;
    });
}

function login(int $userId): void
{
    set_alert('Welcome back');
    $_SESSION['uid'] = $userId;
}

session_start();
$userId = (int) ($_POST['user_id'] ?? 0);
session_write_close();
login($userId); // expect: write-after-close "after it was closed \(line 36\)"
