<?php
// A helper that keeps a status test in a variable, opens the session only when it was closed and
// closes only when it opened (`$need`), called from a function whose caller has the session
// open: `$need` is false there, neither the start nor the close runs, and the write after the
// call is saved. The near miss after a close is kept-status-test-restores-after-close.php.
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
save_language((string) ($_POST['lang'] ?? 'en'));
