<?php
// A constant each entry script may define its own way (worker.php defines it first) is a mode,
// not a setting the project ships: the branch for the worker's value stays a warning.
if (!defined('APP_MODE')) {
    define('APP_MODE', 'web');
}
session_start();
$_SESSION['seen'] = true;
if (APP_MODE === 'background') {
    $fh = fopen('/var/spool/app/export.bin', 'rb');
    fpassthru($fh); // expect: held-across-slow-call@warning
}
