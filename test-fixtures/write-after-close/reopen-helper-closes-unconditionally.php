<?php
// A helper that opens the session only when it is closed but always closes it: called with the
// session open, it closes the caller's session, so the write after it is lost, after the
// helper's close (not a close that only undoes its own reopen).
declare(strict_types=1);

function with_session(callable $mutator): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
    $mutator();
    session_write_close();
}

function save_language(string $lang): void
{
    with_session(function (): void {
        $_SESSION['alerts'][] = 'Language saved';
    });
    $_SESSION['lang'] = $lang; // expect: write-after-close "closed \(line 18\)"
}

session_start();
save_language((string) ($_POST['lang'] ?? 'en'));
