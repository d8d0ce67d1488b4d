<?php
// Twin of redirect-helper-url-method.ok.php: a subclass overrides `getURL()` with a URL that
// may be empty, and `$this->getURL()` may run it, so the helper may return and the write may
// be lost.
const INDEX_FILE = 'index.php';
function go($url) {
    if (!$url) {
        return false;
    }
    header('Location: ' . $url);
    exit;
}
class Html {
    public $server = '';
    public function getURL($rt) { return $this->server . INDEX_FILE . $rt; }
    public function currentURL() { return $this->getURL($_GET['rt'] ?? 'home'); }
}
class PlainHtml extends Html {
    public $url = '';
    public function getURL($rt) { return $this->url; }
}
function expired($registry) {
    if (isset($_SESSION['t']) && time() - $_SESSION['t'] > 60) {
        session_unset();
        session_destroy();
        go($registry->get('html')->currentURL());
    }
}
session_start();
expired($GLOBALS['registry']);
$_SESSION['t'] = time(); // expect: write-after-close@info
