<?php
// Osclass's front controller names the bootstrap from the folder of the script the server
// runs: for this entry script, dirname($_SERVER['SCRIPT_FILENAME']) is this folder.
define('ABS_PATH', str_replace('\\', '/', dirname($_SERVER['SCRIPT_FILENAME']) . '/'));
require_once ABS_PATH . 'oc-load.php';

$feed = file_get_contents('https://market.example.org/api/latest'); // expect: held-across-slow-call
echo $feed;
