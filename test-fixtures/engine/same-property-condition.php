<?php
// Static and `$this` properties tested twice with no call in between give the same answer both
// times: a session helper that opens and closes only when it is not in a mode that keeps it
// open (reduced from a feed reader's session class). A call between the tests may change the
// property, so after it both answers are possible again.
declare(strict_types=1);

class Session
{
    private static bool $volatile = false;
    private static bool $locked = false;

    public static function param(string $key, string $value): void
    {
        if (!self::$volatile && !self::$locked) {
            session_start();
        }
        $_SESSION[$key] = $value;
        if (!self::$volatile && !self::$locked) {
            session_write_close();
        }
        probe(); // @state: closed
    }

    public static function param_after_call(string $key, string $value): void
    {
        if (!self::$locked) {
            session_start();
        }
        $_SESSION[$key] = $value;
        self::log($key);
        if (!self::$locked) {
            session_write_close();
        }
        probe(); // @state: maybe-open
    }

    private static function log(string $key): void
    {
        self::$locked = $key === 'lock';
    }
}

class FlagSession
{
    private bool $started = false;

    public function set(string $key, string $value): void
    {
        if (session_status() !== PHP_SESSION_ACTIVE) {
            session_start();
            $this->started = true;
        }
        $_SESSION[$key] = $value;
        if ($this->started) {
            session_write_close();
            $this->started = false;
        }
        probe(); // @state: closed
    }
}
