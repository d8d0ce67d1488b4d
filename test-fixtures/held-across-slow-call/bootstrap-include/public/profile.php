<?php
// The fixed form: the session is closed (by a helper in another file) before the slow call.
require __DIR__ . '/../lib/bootstrap.php';
require_once __DIR__ . '/../lib/api.php';

$currency = $_SESSION['currency'] ?? 'EUR';
finish_session();
$rates = (new App\RatesClient())->fetchRates($currency);
echo json_encode($rates);
