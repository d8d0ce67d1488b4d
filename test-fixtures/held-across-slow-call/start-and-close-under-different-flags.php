<?php
// Near miss of start-and-close-under-the-same-flag.ok.php: the close depends on another flag,
// so when the session was started here and `$closeEarly` is false, the remote call runs
// with it locked.
declare(strict_types=1);

function remember_rate(string $currency, bool $closeEarly): float
{
    $needSession = session_status() === PHP_SESSION_NONE;
    if ($needSession) {
        session_start();
    }
    $base = (string) ($_SESSION['base_currency'] ?? 'EUR');
    if ($closeEarly) {
        session_write_close();
    }
    $json = (string) file_get_contents('https://api.exchangerate.example/latest?base=' . rawurlencode($base)); // expect: held-across-slow-call
    return (float) (json_decode($json, true)['rates'][$currency] ?? 0);
}
