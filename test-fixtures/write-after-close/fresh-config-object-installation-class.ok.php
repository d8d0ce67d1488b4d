<?php
// phpVirtualBox's configuration class: the constructor includes the installation's
// `config.php`, copies the properties of the class that file declares (no file of the project
// declares it) when it exists, probes a PHP function, calls a method of its own and builds the
// authentication module the configuration names (`"Auth{$this->authLib}"`, a project class
// that reads only its arguments). Every construction of one request gives `noAuth` the same value.
class AuthBuiltin {
    public $config = [];
    public function __construct($config = null) { if ($config) $this->config = array_merge($this->config, $config); }
}
class Cfg {
    public $noAuth = false;
    public $authLib = 'Builtin';
    public $authConfig = [];
    public $auth;
    public $key;
    public function __construct() {
        @include_once(dirname(__FILE__) . '/config.php');
        if (class_exists('LocalConfig')) {
            $c = new LocalConfig();
            foreach (get_object_vars($c) as $k => $v) $this->$k = $v;
        }
        if (!function_exists('session_start')) $this->noAuth = true;
        $this->setKey();
        $alib = "Auth{$this->authLib}";
        $this->auth = new $alib(@$this->authConfig);
    }
    public function setKey() { $this->key = md5($this->authLib); }
}
function page() {
    $settings = new Cfg();
    if (!@$settings->noAuth) session_start();
    $_SESSION['t'] = time();
    session_write_close();
    $again = new Cfg();
    if (@$again->noAuth) $_SESSION['guest'] = true;
}
page();
