<?php
// Reduced from fusionpbx's service daemons: the bootstrap starts the session only in a web
// request (`STDIN` is defined only when PHP runs from the command line), and the service
// refuses to run unless `STDIN` is defined. `defined('STDIN') or die()` ends every web path, so
// the polling loop after it never runs with a session: no finding.
if (!defined('STDIN') && session_status() === PHP_SESSION_NONE) {
    session_start();
}

defined('STDIN') or die('Unauthorized');

while (true) {
    $ch = curl_init('https://queue.example.com/next');
    curl_exec($ch);
    usleep(500000);
}
