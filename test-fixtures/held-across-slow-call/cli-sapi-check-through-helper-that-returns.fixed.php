<?php
// The near miss of cli-sapi-check-through-helper.ok.php: the helper only prints (its flag keeps its default), so web
// requests go on and hold the session across the lookup.
function show_cli(string $text, bool $die = false): void {
    print $text . "\n";
    if ($die) {
        die();
    }
}
if (php_sapi_name() != 'cli') {
    show_cli('This script should be run from cli');
}
session_start();
session_write_close();
$ip = gethostbyname('smtp.example.com'); // expect: held-across-slow-call
