<?php
// A singleton tested with `instanceof` its own class name.
// The singleton is built before the page flushes, so the later `Session::getInstance()`
// returns it and its constructor, which starts the session, does not run again.

class Session
{
    private static $instance;

    private function __construct()
    {
        session_start();
    }

    public static function getInstance()
    {
        if (!(self::$instance instanceof Session)) {
            self::$instance = new Session();
        }
        return self::$instance;
    }

    public function set(string $key, $value): void
    {
        $_SESSION[$key] = $value;
    }
}

function progress(string $step): void
{
    echo '<p>' . htmlspecialchars($step) . '</p>';
    flush();
}

Session::getInstance();
progress('loading');
Session::getInstance()->set('step', 'loading');
