<?php
// Defines the constant at its top level before the include: the bootstrap starts no session, so nothing is held.
define('APP_CLI', 1);
require __DIR__ . '/common.php';
$report = file_get_contents('https://stats.example.com/daily');
