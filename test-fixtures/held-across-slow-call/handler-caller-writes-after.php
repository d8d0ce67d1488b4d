<?php
// The handler returns with the session open and its caller writes the session after the call:
// a close inside the handler would lose that write, so no fix is offered.
declare(strict_types=1);

function load_rates(): array
{
    session_start();
    $currency = (string) ($_SESSION['currency'] ?? 'EUR');
    return json_decode((string) file_get_contents('https://rates.example.com/' . $currency), true); // expect: held-across-slow-call
}

$rates = load_rates();
$_SESSION['rates_seen'] = time();
echo json_encode($rates);
