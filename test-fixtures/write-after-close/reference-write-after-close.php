<?php
// A write through a by-reference binding into the session, made after the session was closed,
// is lost: it is reported at the write, not at the binding.
class Account
{
    private $user;

    public function __construct()
    {
        session_start();
        session_write_close();
        $this->user = &$_SESSION['user'];
        if (!isset($this->user['path'])) {
            $this->user['path'] = '/home'; // expect: write-after-close "through a reference"
        }
    }
}
