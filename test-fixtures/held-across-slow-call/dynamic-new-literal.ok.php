<?php
// `new $class()` of a literal class whose constructor does no slow work; and a class the code does not say
// (assigned twice), which is not followed.
class Importer {
    public function __construct() { $this->feed = []; }
    public $feed;
}
class RemoteImporter {
    public function __construct() { $this->feed = file_get_contents('https://feeds.example.com/items'); }
    public $feed;
}
session_start();
$class = 'Importer';
$importer = new $class();
$other = 'Importer';
if (isset($_GET['remote'])) {
    $other = 'RemoteImporter';
}
$second = new $other();
$_SESSION['items'] = $importer->feed;
