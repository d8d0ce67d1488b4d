<?php
// A constant the configuration defines false guards the cached copy: the transfer runs only
// where an installation turned the cache on, so it is info and names the setting.
require_once __DIR__ . '/config.inc.php';
session_start();
$file = '/var/cache/app/' . basename($_SERVER['SCRIPT_NAME']) . '.bin';
if (USE_CACHE && file_exists($file)) {
    $fh = fopen($file, 'rb');
    fpassthru($fh); // expect: held-across-slow-call@info "needs the setting `USE_CACHE` changed from the value the project ships, `false`"
    exit;
}
$_SESSION['drawn'] = true;
