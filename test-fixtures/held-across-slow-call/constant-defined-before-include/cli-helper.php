<?php
// A helper defines it: the fact flows out of the helper into the include that follows.
function enter_batch_mode(): void {
    define('APP_CLI', 1);
}
enter_batch_mode();
require __DIR__ . '/common.php';
$report = file_get_contents('https://stats.example.com/daily');
