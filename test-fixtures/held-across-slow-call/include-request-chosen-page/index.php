<?php
// HelpDeskZ's front controller: the controller's file is named by the first part of the URL, so
// every `controllers/*_controller.php` is a page a user can ask for, and each runs with the session
// the bootstrap opened. The ticket form's controller calls a remote service: reported in that file.
require_once __DIR__ . '/includes/global.php';
$uri = parse_url($_SERVER['REQUEST_URI']);
$uri = isset($uri['path']) ? $uri['path'] : '';
$pieces = explode('/', trim($uri, '/'));
$controller = empty($pieces[0]) ? 'home' : $pieces[0];
$filename = CONTROLLERS . $controller . '_controller.php';
if (!is_file($filename)) {
    $filename = CONTROLLERS . 'home_controller.php';
}
include($filename);
