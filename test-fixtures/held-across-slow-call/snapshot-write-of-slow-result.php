<?php
// The write's own statement does the slow work (`$_SESSION['rates'] = fetch_rates(...)`): no
// reopen can wrap the write without holding the lock across the call again. The fix closes
// the session with a snapshot before the statement and saves the changed keys right after it.
declare(strict_types=1);

function fetch_rates(string $currency): array
{
    $json = file_get_contents('https://rates.example/v1/' . rawurlencode($currency));
    return (array) json_decode((string) $json, true);
}

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');
$_SESSION['rates'] = fetch_rates($currency); // expect: held-across-slow-call
$_SESSION['rates_at'] = time();

header('Content-Type: application/json');
echo json_encode($_SESSION['rates']);
