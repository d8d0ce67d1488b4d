<?php
// A page that reads the session, closes it, then asks for exchange rates: clean.
declare(strict_types=1);
require_once __DIR__ . '/rates.php';

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');
session_write_close();
$rates = fetch_rates($currency);
echo json_encode($rates);
