<?php
// A page-handler registry (OSSN's ossn_register_page()): a helper stores its callable parameter in
// a global object's array by name, and the front script runs the one the request names with
// call_user_func(). The candidates are the callables every registration passes; each runs with
// the session the bootstrap opened, so the remote fetch of the photo handler is reported there.
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
    echo file_get_contents('https://cdn.example.com/photos/' . rawurlencode($params[0])); // expect: held-across-slow-call
}

function home_page($params) {
    echo 'home';
}

register_page('photo', 'photo_page');
register_page('home', 'home_page');
session_start();
load_page($_GET['h'] ?? 'home', explode('/', $_GET['p'] ?? ''));
$_SESSION['last_page'] = $_GET['h'] ?? 'home';
