<?php
// A redirect helper that sends output and then ends the script (osTicket's Http::redirect()):
// the caller goes on only where the helper did not run to its exit, so no output came first.
class Http {
    static function redirect($url) {
        header("Location: $url");
        print('<html></html>');
        flush();
        exit;
    }
}
function load_config() {
    if (!file_exists(__DIR__ . '/config.php')) Http::redirect('setup/');
}
load_config();
session_start();
$_SESSION['x'] = 1;
