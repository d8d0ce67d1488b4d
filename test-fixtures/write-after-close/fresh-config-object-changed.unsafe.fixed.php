<?php
// Twin of fresh-config-object-tested-twice.ok.php: a method of the second object runs before
// its test and may change the property, so the two objects may disagree.
class Cfg {
    public $noAuth;
    public function __construct() { $this->noAuth = (bool) getenv('NOAUTH'); }
    public function guest() { $this->noAuth = isset($_COOKIE['guest']); }
}
function page() {
    $cfg = new Cfg();
    if (!$cfg->noAuth) session_start();
    $_SESSION['t'] = time();
    session_write_close();
    $again = new Cfg();
    $again->guest();
    session_start();
    if ($again->noAuth) $_SESSION['guest'] = true; // expect: write-after-close
    session_write_close();
}
page();
