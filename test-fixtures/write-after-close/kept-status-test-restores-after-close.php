<?php
// kept-status-test-restores.ok.php with a caller that closed the session first: `remember()`
// reopens for its own write and closes again, which puts back the caller's closed session, so
// `$_SESSION['lang']` is lost, after the caller's close (line 27).
declare(strict_types=1);

function remember(string $key, string $value): void
{
    $need = session_status() === PHP_SESSION_NONE;
    if ($need) {
        session_start();
    }
    $_SESSION[$key] = $value;
    if ($need) {
        session_write_close();
    }
}

function save_language(string $lang): void
{
    remember('flash', 'Language saved');
    $_SESSION['lang'] = $lang;
}

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
save_language((string) ($_POST['lang'] ?? 'en')); // expect: write-after-close "after it was closed \(line 27\)"
