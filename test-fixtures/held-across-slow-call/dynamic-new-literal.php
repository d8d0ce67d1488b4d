<?php
// `new $class()` where the class is a literal (or `X::class`) assigned once: its constructor runs.
class Importer {
    public function __construct() { $this->feed = file_get_contents('https://feeds.example.com/items'); }
    public $feed;
}
session_start();
$class = Importer::class;
$importer = new $class(); // expect: held-across-slow-call "new \$class\(\)`, which reaches `file_get_contents\(\)`"
$_SESSION['items'] = $importer->feed;
