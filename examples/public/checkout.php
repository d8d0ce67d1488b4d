<?php
// Checkout: the session is opened by lib/bootstrap.php (another file), and the slow mail is
// sent by a helper in lib/mailer.php (a third file) while the lock is still held. The fix:
// take what you need from $_SESSION, write the order id, session_write_close(), then mail.
declare(strict_types=1);

require __DIR__ . '/../lib/bootstrap.php';
require_once __DIR__ . '/../lib/mailer.php';

$cart = $_SESSION['cart'] ?? [];
$order = ['id' => random_int(1000, 9999), 'items' => $cart];
$_SESSION['last_order'] = $order['id'];
$_SESSION['cart'] = [];

send_receipt($_SESSION['email'] ?? 'customer@example.com', $order);

json_response(['order' => $order['id']]);
