<?php
// Twin of fresh-config-object-each-call.ok.php: the constructor reads the clock, so the second
// call may take the `noAuth` branch where the first started the session and the page closed it.
class Cfg {
    public $noAuth;
    public function __construct() { $this->noAuth = time() % 2 === 0; }
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
init(true); // expect: write-after-close@warning
echo 'ok';
