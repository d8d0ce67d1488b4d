<?php
// Twin of fresh-config-object-tested-twice.ok.php: the constructor reads the clock, so two
// objects may disagree, and the second may take the `noAuth` branch after the first started
// and the page closed the session.
class Cfg {
    public $noAuth;
    public function __construct() { $this->noAuth = time() % 2 === 0; }
}
function page() {
    $cfg = new Cfg();
    if (!$cfg->noAuth) session_start();
    $_SESSION['t'] = time();
    session_write_close();
    $again = new Cfg();
    session_start();
    if ($again->noAuth) $_SESSION['guest'] = true; // expect: write-after-close
    session_write_close();
}
page();
