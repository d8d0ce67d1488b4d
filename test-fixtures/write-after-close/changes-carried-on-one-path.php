<?php
// Near miss of changes-carried-by-helper.ok.php: the helper that carries the changes into a
// reopened session runs on one path only, so on the other the write is lost.
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
$_SESSION['last_quote'] = $quote; // expect: write-after-close
if ($quote !== '') {
    save_changed_keys($before);
}

echo $quote;
