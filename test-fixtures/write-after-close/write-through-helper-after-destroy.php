<?php
// Logout through the application's session class: after Session::destroy() a failed audit log
// writes an error message with Session::set(). Reopening the session there would start a new,
// empty session (the destroy forgot the id) only to keep an incidental write, so the reopen is
// shown but never applied.
declare(strict_types=1);

final class Session
{
    public static function start(): void
    {
        session_start();
    }

    public static function destroy(): void
    {
        session_destroy();
    }

    public static function set(string $key, string $value): void
    {
        $_SESSION[$key] = $value;
    }
}

Session::start();
$user = (string) ($_SESSION['uid'] ?? '');
Session::destroy();
if (file_put_contents('/var/log/app/audit.log', "logout {$user}\n", FILE_APPEND) === false) {
    Session::set('error', 'The logout could not be logged.'); // expect: write-after-close "^`Session::set\(\)` writes the session after it was destroyed \(line 28\)"
}
header('Location: index.php');
