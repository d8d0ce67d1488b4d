<?php
// After the session is closed, a helper that reopens it only when it is not in volatile mode
// writes it: the write is saved when the helper opens the session and lost when it does not,
// so it is a lead to check (info), not "the write is lost".
declare(strict_types=1);

class Flash
{
    private static bool $volatile = false;

    public static function set(string $message): void
    {
        if (!self::$volatile) {
            session_start();
        }
        $_SESSION['flash'] = $message;
        if (!self::$volatile) {
            session_write_close();
        }
    }
}

session_start();
$user = (string) ($_SESSION['user'] ?? '');
session_write_close();
Flash::set('Welcome back, ' . $user); // expect: write-after-close@info "opens the session itself on some of its paths only"
