<?php
// Near miss of changes-carried-by-helper.ok.php: a plain reopen between the write and the
// helper reads the stored session again and replaces the in-memory array, so the write is lost
// before the helper could carry it.
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
session_start();
$_SESSION['last_quote'] = $quote; // expect: write-after-close
session_write_close();
session_start();
$visits = (int) ($_SESSION['visits'] ?? 0);
session_write_close();
save_changed_keys($before);

echo $quote . $visits;
