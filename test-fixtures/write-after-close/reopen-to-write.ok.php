<?php
// The snapshot pattern done right: read, close before the slow call, reopen briefly for the
// write before any output, close again. Reading the snapshot after the close is fine too.
declare(strict_types=1);

session_start();
$cart = $_SESSION['cart'] ?? [];
session_write_close();

$ch = curl_init('https://rates.example.com/v2/quote');
curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => json_encode($cart), CURLOPT_RETURNTRANSFER => true]);
$quote = json_decode((string) curl_exec($ch), true);
curl_close($ch);

$currency = $_SESSION['currency'] ?? 'EUR';

session_start();
$_SESSION['last_quote'] = $quote;
session_write_close();

header('Content-Type: application/json');
echo json_encode(['quote' => $quote, 'currency' => $currency]);
