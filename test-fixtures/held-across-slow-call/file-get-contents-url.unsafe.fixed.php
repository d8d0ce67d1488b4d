<?php
// file_get_contents() on a URL is a blocking HTTP request; doing it with the session open makes
// the user's other requests wait for the remote server.
declare(strict_types=1);

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');

session_write_close();
$rates = json_decode((string) file_get_contents('https://api.exchangerates.example/latest?base=' . $currency), true); // expect: held-across-slow-call

session_start();
$_SESSION['rates'] = $rates['rates'] ?? [];
$_SESSION['rates_fetched_at'] = time();
session_write_close();

header('Content-Type: application/json');
echo json_encode($_SESSION['rates']);
