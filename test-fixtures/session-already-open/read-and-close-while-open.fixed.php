<?php
// Someone added a read_and_close start before the slow call, expecting it to release the lock.
// The session is already open, so PHP ignores the call and its options: the lock is still held
// across the HTTP request (which held-across-slow-call reports too).
declare(strict_types=1);

session_start();
$_SESSION['quote_requested_at'] = time();
$cart = $_SESSION['cart'] ?? [];

session_start(['read_and_close' => true]); // expect: session-already-open "`read_and_close` does not release the lock"

$ch = curl_init('https://rates.example.com/v2/quote');
curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => json_encode($cart), CURLOPT_RETURNTRANSFER => true]);
session_write_close();
$quote = curl_exec($ch); // expect: held-across-slow-call
curl_close($ch);

header('Content-Type: application/json');
echo $quote;
