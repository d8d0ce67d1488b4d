<?php
// Reduced from a feed reader's session class (FreshRSS `Minz_Session::_param()`): the helper
// opens and closes the session under the same two static flags, unchanged in between, so it
// never leaves it open and the remote fetch after it runs with the session closed.
declare(strict_types=1);

class Minz_Session
{
    private static bool $volatile = false;
    private static bool $locked = false;

    /** @param string|false $value */
    public static function param(string $key, $value = false): void
    {
        if (!self::$volatile && !self::$locked) {
            session_start();
        }
        if ($value === false) {
            unset($_SESSION[$key]);
        } else {
            $_SESSION[$key] = $value;
        }
        if (!self::$volatile && !self::$locked) {
            session_write_close();
        }
    }
}

function refresh_feed(string $url): string
{
    Minz_Session::param('last_refresh', (string) time());
    return (string) file_get_contents($url);
}

echo refresh_feed('https://feeds.example.com/news.xml');
