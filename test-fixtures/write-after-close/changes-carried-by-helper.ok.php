<?php
// The changes made after the close are not lost: on every path after them the request calls a
// helper that reads the whole in-memory `$_SESSION` while the session is closed, then reopens it
// and writes the keys that changed (the early-close fix's snapshot helpers are one such pair).
declare(strict_types=1);

function save_changed_keys(array $before): void
{
    $changed = array_diff_key($_SESSION, $before);
    session_start();
    foreach ($changed as $key => $value) {
        $_SESSION[$key] = $value;
    }
    session_write_close();
}

session_start();
$before = $_SESSION;
session_write_close();

$quote = (string) file_get_contents('https://rates.example.com/v2/quote');
$_SESSION['last_quote'] = $quote;
if ($quote === '') {
    $_SESSION['quote_failed'] = true;
}
save_changed_keys($before);

echo $quote;
