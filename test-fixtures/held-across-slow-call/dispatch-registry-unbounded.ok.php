<?php
// The same registry, but one registration passes a callable the code does not name (from a list
// built at run time): which callables the registry holds is not known, so none is analysed as
// run from the dispatch (precision first).
class Site {
    public $page = [];
}
$Site = new Site();

function register_page($handler, $function) {
    global $Site;
    $Site->page[$handler] = $function;
}

function load_page($handler, $params) {
    global $Site;
    if (isset($Site->page[$handler])) {
        call_user_func($Site->page[$handler], $params);
    }
}

function photo_page($params) {
    echo file_get_contents('https://cdn.example.com/photos/' . rawurlencode($params[0]));
}

function home_page($params) {
    echo 'home';
}

register_page('photo', 'photo_page');
register_page('home', 'home_page');
foreach (json_decode(file_get_contents(__DIR__ . '/plugins.json'), true) as $name => $callback) {
    register_page($name, $callback);
}
session_start();
load_page($_GET['h'] ?? 'home', explode('/', $_GET['p'] ?? ''));
$_SESSION['last_page'] = $_GET['h'] ?? 'home';
