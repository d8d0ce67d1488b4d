<?php
// Twin of redirect-helper-url-method.ok.php: the only known part of the URL is a constant the
// project defines as an empty string, so the URL may be empty, the helper may return and the
// write may be lost.
const INDEX_FILE = '';
function go($url) {
    if (!$url) {
        return false;
    }
    header('Location: ' . $url);
    exit;
}
class Html {
    public $server = '';
    public function getURL($rt) { return $this->server . INDEX_FILE; }
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
$_SESSION['t'] = time(); // expect: write-after-close@info
