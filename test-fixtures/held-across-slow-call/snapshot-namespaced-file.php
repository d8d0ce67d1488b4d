<?php
// In a namespaced file the helpers are the namespace's functions: their `function_exists()`
// guards name them with `__NAMESPACE__`, and they go after the `namespace` and `use` lines.
declare(strict_types=1);

namespace App\Pages;

use RuntimeException;

function fetch_rates(string $currency): array
{
    $json = file_get_contents('https://rates.example/v1/' . rawurlencode($currency));
    if ($json === false) {
        throw new RuntimeException('no rates');
    }
    return (array) json_decode($json, true);
}

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');
$_SESSION['rates'] = fetch_rates($currency); // expect: held-across-slow-call
$_SESSION['rates_at'] = time();

header('Content-Type: application/json');
echo json_encode($_SESSION['rates']);
