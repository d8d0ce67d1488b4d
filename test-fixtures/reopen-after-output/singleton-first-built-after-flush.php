<?php
// A singleton tested with `instanceof self`, first built after the page flushed: its
// constructor starts the session after output, which PHP refuses.

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

progress('loading');
Session::getInstance()->set('step', 'loading'); // expect: reopen-after-output
