<?php
// The singleton session, the section path helper and a download that flushes (CubeCart's shapes).
class Session {
    private static $instance;
    private function __construct() { session_start(); }
    public static function getInstance() {
        if (!(self::$instance instanceof self)) { self::$instance = new self(); }
        return self::$instance;
    }
    public function get($k) { return $_SESSION[$k] ?? null; }
}
class Main {
    public function importNode($g, $n) { return __DIR__ . '/sources/' . $g . '.' . $n . '.inc.php'; }
}
function deliverFile($path) {
    $f = fopen($path, 'rb');
    while (!feof($f)) { print(fread($f, 8192)); flush(); }
}
function pageUrl() { return '?u=' . Session::getInstance()->get('user'); }
