<?php
// A helper that opens the session only when nobody did and closes it only then: the close runs
// on every path where this code opened it, so the remote call runs with the session closed.
declare(strict_types=1);

function remember_rate(string $currency): float
{
    $needSession = session_status() === PHP_SESSION_NONE;
    if ($needSession) {
        session_start();
    }
    $base = (string) ($_SESSION['base_currency'] ?? 'EUR');
    if ($needSession) {
        session_write_close();
    }
    $json = (string) file_get_contents('https://api.exchangerate.example/latest?base=' . rawurlencode($base));
    return (float) (json_decode($json, true)['rates'][$currency] ?? 0);
}
