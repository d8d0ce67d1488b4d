<?php
// phpVirtualBox's `session_init()` takes its no-session branch on
// `$settings->noAuth || !function_exists('session_start')`: both the fresh object's property
// and what the running PHP has are the same in both calls, so the second call does not take
// that branch where the first started the session and the page closed it.
class Cfg {
    public $noAuth;
    public function __construct() { $this->noAuth = (bool) getenv('NOAUTH'); }
}
function init($keepopen = false) {
    $settings = new Cfg();
    if (@$settings->noAuth || !function_exists('session_start')) {
        $_SESSION['valid'] = true;
        return;
    }
    session_start();
    if (!$keepopen) session_write_close();
}
init(true);
$_SESSION['user'] = 'u';
if (function_exists('session_write_close')) @session_write_close();
init(true);
echo 'ok';
