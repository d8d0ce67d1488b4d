<?php
// HelpDeskZ's front controller with the fix: the session is closed before the controller the URL
// names is included, so no candidate runs with the lock (the dispatch is made with nothing held).
require_once __DIR__ . '/includes/global.php';
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
session_write_close();
$uri = parse_url($_SERVER['REQUEST_URI']);
$uri = isset($uri['path']) ? $uri['path'] : '';
$pieces = explode('/', trim($uri, '/'));
$controller = empty($pieces[0]) ? 'home' : $pieces[0];
$filename = CONTROLLERS . $controller . '_controller.php';
if (!is_file($filename)) {
    $filename = CONTROLLERS . 'home_controller.php';
}
include($filename);
