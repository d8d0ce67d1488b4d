<?php
// The reopen-if-closed helper of reopen-if-closed-helper-called-open.ok.php in a function nothing
// in the project calls, and no session anywhere: entered closed, the helper may reopen (a cookie)
// and closes what it reopened, which leaves the session as it was, never started. A write with no
// session at all is not one made after a close.
declare(strict_types=1);

function with_alert_session(callable $mutator): void
{
    $reopened = false;
    if (session_status() === PHP_SESSION_NONE && (session_id() !== '' || !empty($_COOKIE[session_name()]))) {
        @session_start();
        $reopened = true;
    }
    $mutator();
    if ($reopened) {
        session_write_close();
    }
}

function set_alert(string $message): void
{
    with_alert_session(function () use ($message): void {
        $_SESSION['alerts'][] = $message;
    });
}

function save_language(string $lang): void
{
    set_alert('Language saved');
    $_SESSION['lang'] = $lang;
}

