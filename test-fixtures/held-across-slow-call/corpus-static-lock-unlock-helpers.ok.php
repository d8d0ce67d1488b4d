<?php
// Reduced from a feed reader's session class (FreshRSS `Minz_Session::lock()`/`unlock()`): the
// session is opened by one static helper and closed by another, both under `self::$volatile`,
// which nothing assigns in between (the flags are facts across the calls), so the remote
// fetch after `unlock()` runs with the session closed.
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
        Minz_Session::unlock();
    }
}

Minz_Session::init(isset($_GET['api']));
Notification::remember('Feed refreshed');
echo file_get_contents('https://feeds.example.com/news.xml');
