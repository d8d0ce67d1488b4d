<?php
// The same front controller, but the name the URL gives is checked against a list first: the list,
// not the request, decides which controllers can run (here only the home page), so the include is
// not fanned out to every `controllers/*_controller.php`.
require_once __DIR__ . '/includes/global.php';
$uri = parse_url($_SERVER['REQUEST_URI']);
$uri = isset($uri['path']) ? $uri['path'] : '';
$pieces = explode('/', trim($uri, '/'));
$controller = empty($pieces[0]) ? 'home' : $pieces[0];
if (!in_array($controller, array('home'), true)) {
    $controller = 'home';
}
$filename = CONTROLLERS . $controller . '_controller.php';
if (!is_file($filename)) {
    $filename = CONTROLLERS . 'home_controller.php';
}
include($filename);
