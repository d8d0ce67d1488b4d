<?php
// AbanteCart's `redirect($this->registry->get('html')->currentURL(['token']))`: the URL comes
// from a method called on an object of unknown class (the only project method of that name),
// which returns `$this->getURL(…)`, whose value is built with a constant the project defines as
// a non-empty string. The URL is never falsy: the helper exits on the destroy path.
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
function expired($registry) {
    if (isset($_SESSION['t']) && time() - $_SESSION['t'] > 60) {
        session_unset();
        session_destroy();
        go($registry->get('html')->currentURL());
    }
}
session_start();
expired($GLOBALS['registry']);
$_SESSION['t'] = time();
