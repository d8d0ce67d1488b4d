<?php
// The wrapper's flag says started, but the caller closed the session itself behind the
// wrapper's back: `set()` trusts the flag, does not reopen, and its write is lost.
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

$s = new Sess();
$s->start();
session_write_close();
$s->set('b', 2); // expect: write-after-close
