<?php
// A function whose only caller (a function whose own only caller has started the session) runs
// it with the session started calls a helper that opens the session only when none is active
// and closes only what it opened. Entered closed, the helper
// would open and close it before `$_SESSION['uid']`; no caller enters it so, and with the
// session active the helper closes nothing, so the write is saved.
// The near miss, called after session_write_close(), is reopen-helper-in-function-called-closed.php.
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

function handle_login(): void
{
    login((int) ($_POST['user_id'] ?? 0));
    header('Location: /');
}

session_start();
handle_login();
