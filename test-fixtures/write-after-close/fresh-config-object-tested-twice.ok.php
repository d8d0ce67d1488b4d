<?php
// phpVirtualBox's `session_init()` builds its configuration object anew each time and tests
// `noAuth`, which the constructor sets from the environment only: two objects built from that
// class agree. Where the first test started the session (and the page closed it), the second
// test does not take the `noAuth` branch that writes `$_SESSION` as a plain array.
class Cfg {
    public $noAuth;
    public function __construct() { $this->noAuth = (bool) getenv('NOAUTH'); }
}
function page() {
    $cfg = new Cfg();
    if (!$cfg->noAuth) session_start();
    $_SESSION['t'] = time();
    session_write_close();
    $again = new Cfg();
    if ($again->noAuth) $_SESSION['guest'] = true;
}
page();
