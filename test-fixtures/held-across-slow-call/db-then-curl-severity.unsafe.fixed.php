<?php
// One region with a database query (info) followed by an HTTP call (warning): the single finding
// goes on the first operation of the highest severity, the curl_exec() line.
declare(strict_types=1);

$pdo = new PDO('pgsql:host=db;dbname=crm', 'crm', getenv('CRM_DB_PASSWORD') ?: '');

session_start();
$accountId = (int) ($_SESSION['account_id'] ?? 0);

$stmt = $pdo->prepare('SELECT id, email, plan FROM customers WHERE account_id = ? ORDER BY id');
$stmt->execute([$accountId]);
$customers = $stmt->fetchAll(PDO::FETCH_ASSOC);

$ch = curl_init('https://enrich.example.com/v2/bulk');
curl_setopt_array($ch, [
    CURLOPT_POST => true,
    CURLOPT_POSTFIELDS => json_encode(array_column($customers, 'email')),
    CURLOPT_HTTPHEADER => ['Content-Type: application/json'],
    CURLOPT_RETURNTRANSFER => true,
]);
session_write_close();
$enriched = curl_exec($ch); // expect: held-across-slow-call
curl_close($ch);

session_start();
$_SESSION['customers_enriched_at'] = time();
session_write_close();
header('Content-Type: application/json');
echo $enriched ?: '[]';
