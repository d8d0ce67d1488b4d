<?php
// The session is opened by the bootstrap (another file, not given on the command line) and
// the slow call is a method of a class in a third file.
require __DIR__ . '/../lib/bootstrap.php';
require_once __DIR__ . '/../lib/api.php';

use App\RatesClient;

$client = new RatesClient();
$rates = $client->fetchRates($_SESSION['currency'] ?? 'EUR'); // expect: held-across-slow-call "fetchRates\(\)`, which reaches `curl_exec\(\)"
$_SESSION['rates'] = $rates;
