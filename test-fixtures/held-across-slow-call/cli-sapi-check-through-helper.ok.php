<?php
// phpipam functions/scripts/reset-admin-password.php: the SAPI check ends web requests through a helper that exits
// when its flag is true (Result::show_cli('…', true)), so the script runs only from the command line.
function show_cli(string $text, bool $die = false): void {
    print $text . "\n";
    if ($die) {
        die();
    }
}
if (php_sapi_name() != 'cli') {
    show_cli('This script can only be run from cli', true);
}
session_start();
$ip = gethostbyname('smtp.example.com');
