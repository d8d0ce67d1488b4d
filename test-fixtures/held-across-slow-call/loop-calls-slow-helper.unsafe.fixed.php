<?php
// A foreach calls a same-file helper that performs an HTTP request; with the session held the
// loop is reported at its header (the call inside the loop is where the slow work happens).
declare(strict_types=1);

function fetch_price(string $sku): ?int
{
    $ch = curl_init('https://pricing.example.com/v1/sku/' . rawurlencode($sku));
    curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 3]);
    $body = curl_exec($ch);
    curl_close($ch);
    $data = is_string($body) ? json_decode($body, true) : null;

    return isset($data['price_cents']) ? (int) $data['price_cents'] : null;
}

session_start();
$cart = $_SESSION['cart'] ?? [];

session_write_close();
foreach ($cart as $sku => $line) { // expect: held-across-slow-call
    $price = fetch_price((string) $sku);
    if ($price !== null) {
        $cart[$sku]['price_cents'] = $price;
    }
}

session_start();
$_SESSION['cart'] = $cart;
session_write_close();

header('Location: /cart.php');
