<?php
// Near miss of corpus-static-lock-unlock-helpers.ok.php: between `lock()` and `unlock()` a
// helper assigns `self::$volatile`, so `unlock()` may find it changed and leave the session
// open: the remote fetch may run with the lock held.
declare(strict_types=1);

class Minz_Session
{
    private static bool $volatile = false;
    private static bool $locked = false;

    public static function init(bool $volatile): void
    {
        self::$volatile = $volatile;
    }

    public static function lock(): bool
    {
        if (!self::$volatile && !self::$locked) {
            session_start();
            self::$locked = true;
        }
        return self::$locked;
    }

    public static function unlock(): bool
    {
        if (!self::$volatile) {
            session_write_close();
            self::$locked = false;
        }
        return self::$locked;
    }
}

class Notification
{
    public static function remember(string $message): void
    {
        Minz_Session::lock();
        $_SESSION['notification'] = $message;
        Minz_Session::init(isset($_GET['api']));
        Minz_Session::unlock();
    }
}

Minz_Session::init(isset($_GET['api']));
Notification::remember('Feed refreshed');
session_write_close();
echo file_get_contents('https://feeds.example.com/news.xml'); // expect: held-across-slow-call
