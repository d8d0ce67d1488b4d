<?php
// A checkout page writes the session in three places after its slow call to the payment
// provider. Reopening around each write would take the lock three more times, so the fix
// closes the session with a snapshot before the call and, after the last write, reopens it
// once to save only the keys this request set or unset (helpers inserted once in this file).
declare(strict_types=1);

session_start();
$cart = (array) ($_SESSION['cart'] ?? []);

$ch = curl_init('https://pay.example/charge');
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($cart));
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$response = (string) curl_exec($ch); // expect: held-across-slow-call
$paid = json_decode($response, true);

$_SESSION['last_payment'] = $paid['id'] ?? null;
$total = array_sum($cart);
if ($total > 100) {
    $_SESSION['loyalty_points'] = (int) ($_SESSION['loyalty_points'] ?? 0) + 1;
}
$receipt = sprintf('Paid %d', $total);
unset($_SESSION['cart']);

echo $receipt;
