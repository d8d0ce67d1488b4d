<?php
// Twin of fresh-config-object-or-environment-probe.ok.php: the probe names a function of the
// project, which a file included between the calls may declare, so the second call may take
// the no-session branch where the first started the session and the page closed it.
class Cfg {
    public $noAuth;
    public function __construct() { $this->noAuth = (bool) getenv('NOAUTH'); }
}
function init($keepopen = false) {
    $settings = new Cfg();
    if (@$settings->noAuth || !function_exists('app_session_start')) {
        $_SESSION['valid'] = true;
        return;
    }
    app_session_start();
    if (!$keepopen) session_write_close();
}
init(true);
$_SESSION['user'] = 'u';
if (function_exists('session_write_close')) @session_write_close();
init(true); // expect: write-after-close@info
echo 'ok';
function app_session_start() { session_start(); }
