<?php
// A helper that exits when its flag is true (phpipam's Result::show_cli($text, $die = false)). Called with `true`,
// it ends the request: the only path that keeps the session open never reaches the download.
function fail_with(string $message, bool $exit = false): void {
    echo $message;
    if ($exit) {
        exit(1);
    }
}
session_start();
if (empty($_GET['feed'])) {
    fail_with('no feed given', true);
} else {
    session_write_close();
}
$feed = file_get_contents('https://feeds.example.com/' . rawurlencode($_GET['feed']));
