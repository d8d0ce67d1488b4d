<?php
// The near miss of exit-in-helper-with-literal-flag.ok.php: the flag keeps its default (false), so the helper returns
// and the download may run with the session still open.
function fail_with(string $message, bool $exit = false): void {
    echo $message;
    if ($exit) {
        exit(1);
    }
}
session_start();
if (empty($_GET['feed'])) {
    fail_with('no feed given', false);
} else {
    session_write_close();
}
session_write_close();
$feed = file_get_contents('https://feeds.example.com/' . rawurlencode($_GET['feed'])); // expect: held-across-slow-call
