<?php
// A plain foreach over the cart held in the session does only arithmetic: a loop by itself is
// not slow work, so nothing is reported.
declare(strict_types=1);

session_start();

$cart = $_SESSION['cart'] ?? [];
$subtotal = 0;
$lines = [];
foreach ($cart as $sku => $item) {
    $lineTotal = (int) $item['price_cents'] * (int) $item['qty'];
    $subtotal += $lineTotal;
    $lines[] = ['sku' => $sku, 'qty' => (int) $item['qty'], 'total' => number_format($lineTotal / 100, 2)];
}

$_SESSION['cart_subtotal_cents'] = $subtotal;
session_write_close();

header('Content-Type: application/json');
echo json_encode(['lines' => $lines, 'subtotal' => number_format($subtotal / 100, 2)]);
