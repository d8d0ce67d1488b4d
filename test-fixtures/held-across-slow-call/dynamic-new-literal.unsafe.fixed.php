<?php
// `new $class()` where the class is a literal (or `X::class`) assigned once: its constructor runs.
class Importer {
    public function __construct() { $this->feed = file_get_contents('https://feeds.example.com/items'); }
    public $feed;
}
session_start();
$class = Importer::class;
session_write_close();
$importer = new $class(); // expect: held-across-slow-call "new \$class\(\)`, which reaches `file_get_contents\(\)`"
session_start();
$_SESSION['items'] = $importer->feed;
session_write_close();
