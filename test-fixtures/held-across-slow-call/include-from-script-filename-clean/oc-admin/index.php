<?php
// The admin entry script one folder down: through its own ABS_PATH it reaches the same
// bootstrap, which releases the session before the download.
define('ABS_PATH', str_replace('\\', '/', dirname(dirname($_SERVER['SCRIPT_FILENAME'])) . '/'));
require_once ABS_PATH . 'oc-load.php';

$package = file_get_contents('https://market.example.org/download/theme.zip');
echo strlen($package);
