<?php
// A singleton tested with `instanceof self`, built before the page flushes but dropped
// (`forget()` closes the session and clears the property): the next `getInstance()` builds a
// new one, whose constructor starts the session after output.

class Session
{
    private static $instance;

    private function __construct()
    {
        session_start();
    }

    public static function getInstance()
    {
        if (!(self::$instance instanceof self)) {
            self::$instance = new self();
        }
        return self::$instance;
    }

    public static function forget(): void
    {
        session_write_close();
        self::$instance = null;
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

Session::getInstance()->set('step', 'start');
Session::forget();
progress('loading');
Session::getInstance()->set('step', 'loading'); // expect: reopen-after-output, write-after-close@info
