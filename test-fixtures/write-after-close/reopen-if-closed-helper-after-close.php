<?php
// reopen-if-closed-helper-called-open.ok.php with a caller that closed the session first: the
// helper reopens for its own write and closes again, which puts back the caller's closed
// session, so `$_SESSION['lang']` is lost. The close that lost it is the caller's (line 36), not
// the helper's, which only undid its own reopen: the finding names line 36.
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
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
save_language((string) ($_POST['lang'] ?? 'en')); // expect: write-after-close "after it was closed \(line 36\)"
