<?php
// A page that keeps the session open while it asks for exchange rates (see rates.php).
declare(strict_types=1);
require_once __DIR__ . '/rates.php';

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');
$rates = fetch_rates($currency);
$_SESSION['rates_seen'] = time();
echo json_encode($rates);
