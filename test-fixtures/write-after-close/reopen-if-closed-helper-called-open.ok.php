<?php
// A helper that reopens the session only when it is closed (and has an id or a cookie), and
// closes only what it reopened, called from a function whose caller has the session open: the
// helper's close never runs there, so the write after it is saved. Entered open, the helper
// leaves the session open on every path; entered closed, its close puts back the state from
// before the call. Near misses: reopen-if-closed-helper-after-close.php (the caller closed the
// session first) and reopen-helper-closes-unconditionally.php (a close the helper always makes).
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

session_start();
save_language((string) ($_POST['lang'] ?? 'en'));
