<?php
// The same front controller: the bootstrap it finds through the entry script's folder
// releases the session, so the remote call holds nothing.
define('ABS_PATH', str_replace('\\', '/', dirname($_SERVER['SCRIPT_FILENAME']) . '/'));
require_once ABS_PATH . 'oc-load.php';

$feed = file_get_contents('https://market.example.org/api/latest');
echo $feed;
