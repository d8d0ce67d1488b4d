<?php
// The admin entry script defines the same constant its own way, one folder up; its own
// includes see its own definition, not the front controller's.
define('ABS_PATH', str_replace('\\', '/', dirname(dirname($_SERVER['SCRIPT_FILENAME'])) . '/'));
require_once ABS_PATH . 'oc-load.php';

$package = file_get_contents('https://market.example.org/download/theme.zip'); // expect: held-across-slow-call
file_put_contents(ABS_PATH . 'oc-content/downloads/theme.zip', $package);
