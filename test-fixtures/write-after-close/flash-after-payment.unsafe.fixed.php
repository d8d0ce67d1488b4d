<?php
// Checkout: the session is closed before the slow payment call (good), but the flash message and
// the emptied cart are written after the close, so PHP never saves them. One finding for the
// close; the second lost write is a related location.
declare(strict_types=1);

session_start();
$cart = $_SESSION['cart'] ?? [];
$customerId = (int) ($_SESSION['customer_id'] ?? 0);
session_write_close();

$ch = curl_init('https://payments.example.com/v1/charges');
curl_setopt_array($ch, [
    CURLOPT_POST => true,
    CURLOPT_POSTFIELDS => json_encode(['customer' => $customerId, 'items' => $cart]),
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_TIMEOUT => 15,
]);
$charge = json_decode((string) curl_exec($ch), true);
curl_close($ch);

if (($charge['status'] ?? '') === 'succeeded') {
    session_start();
    $_SESSION['flash'] = 'Thank you, your order is on its way.'; // expect: write-after-close "^A write to `\$_SESSION\['flash'\]` after the session was closed \(line 10\) is lost"
    unset($_SESSION['cart']);
    session_write_close();
    header('Location: /orders/' . rawurlencode((string) $charge['id']));
    exit;
}

header('Location: /checkout?failed=1');
