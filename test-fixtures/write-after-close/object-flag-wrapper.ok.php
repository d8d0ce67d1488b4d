<?php
// Reduced from elFinder's session wrapper (subrion): it opens the session only when its own
// flag says it is not started, and closes it only when it opened it (`$closed`). Each `set()`
// is a brief open-write-close: the first leaves the flag false where it closed, which the
// second call on the same object (a local variable, or a property of `$this`) knows, so it
// opens again before its write. Nothing is written after a close.
class Sess
{
    private $started = false;

    public function start()
    {
        if (session_status() !== PHP_SESSION_ACTIVE) {
            session_start();
        }
        $this->started = true;
    }

    public function close()
    {
        if ($this->started) {
            session_write_close();
        }
        $this->started = false;
    }

    public function set($key, $value)
    {
        $closed = false;
        if (!$this->started) {
            $closed = true;
            $this->start();
        }
        $_SESSION[$key] = $value;
        if ($closed) {
            $this->close();
        }
    }
}

class Connector
{
    private $session;

    public function __construct()
    {
        $this->session = new Sess();
    }

    public function run()
    {
        $this->session->set('volume', 'l1');
        $this->session->set('cwd', '/');
    }
}

$s = new Sess();
$s->set('a', 1);
$s->set('b', 2);

$connector = new Connector();
$connector->run();
