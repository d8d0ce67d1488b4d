<?php
// Twin of fresh-config-object-installation-class.ok.php: the class the constructor probes is
// declared by the project, so a file included between two constructions may declare it, and
// the two objects may disagree.
class LocalConfig { public $noAuth = true; }
class Cfg {
    public $noAuth = false;
    public function __construct() {
        if (class_exists('LocalConfig')) {
            $c = new LocalConfig();
            foreach (get_object_vars($c) as $k => $v) $this->$k = $v;
        }
    }
}
function page() {
    $settings = new Cfg();
    if (!$settings->noAuth) session_start();
    $_SESSION['t'] = time();
    session_write_close();
    $again = new Cfg();
    if ($again->noAuth) $_SESSION['guest'] = true; // expect: write-after-close
}
page();
