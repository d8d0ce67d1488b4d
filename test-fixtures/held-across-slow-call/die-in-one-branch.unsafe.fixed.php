<?php
// die() ends the request only for signed-out users; on the surviving path the session is still
// open when the PDF renderer runs, so the external process is reported.
declare(strict_types=1);

session_start();
if (empty($_SESSION['user_id'])) {
    http_response_code(401);
    die('Please sign in again.');
}

$orderId = (int) ($_GET['order'] ?? 0);
$printUrl = sprintf('https://shop.example.com/orders/%d/print?token=%s', $orderId, urlencode((string) $_SESSION['print_token']));
$pdfPath = sys_get_temp_dir() . "/order-{$orderId}.pdf";

session_write_close();
$log = shell_exec('wkhtmltopdf --quiet ' . escapeshellarg($printUrl) . ' ' . escapeshellarg($pdfPath) . ' 2>&1'); // expect: held-across-slow-call

session_start();
$_SESSION['last_printed_order'] = $orderId;
session_write_close();
header('Location: /downloads/order-' . $orderId . '.pdf');
