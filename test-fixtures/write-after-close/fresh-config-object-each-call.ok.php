<?php
// phpVirtualBox's `session_init()`, called twice: each call builds the configuration object
// again and tests its `noAuth`, set from the environment only. Where the first call started the
// session (and the page closed it), the second starts it again; where the first took the
// `noAuth` branch (no session at all), so does the second, and its writes to `$_SESSION` are
// to a plain array, as the first call's were.
class Cfg {
    public $noAuth;
    public function __construct() { $this->noAuth = (bool) getenv('NOAUTH'); }
}
function init($keep = false) {
    $cfg = new Cfg();
    if ($cfg->noAuth) {
        $_SESSION['valid'] = true;
        return;
    }
    session_start();
    if (!$keep) session_write_close();
}
init(true);
$_SESSION['user'] = 'u';
session_write_close();
init(true);
echo 'ok';
