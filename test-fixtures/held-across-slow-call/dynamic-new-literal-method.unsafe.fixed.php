<?php
// The object made by `new $class()` of a literal class has that class: its methods are followed.
class Importer {
    public function fetch() { return file_get_contents('https://feeds.example.com/items'); }
}
session_start();
$class = 'Importer';
$importer = new $class();
session_write_close();
$items = $importer->fetch(); // expect: held-across-slow-call "importer->fetch\(\)`, which reaches `file_get_contents\(\)`"
session_start();
$_SESSION['items'] = $items;
session_write_close();
