<?php
// A page that keeps the session open while a library asks for exchange rates (lib/rates.php).
declare(strict_types=1);
require_once __DIR__ . '/lib/rates.php';

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');
$rates = fetch_rates($currency);
$_SESSION['rates_seen'] = time();
echo json_encode($rates);
