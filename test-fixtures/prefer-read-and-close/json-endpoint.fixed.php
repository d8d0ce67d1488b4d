<?php
// JSON endpoint: reads the account id, runs a query and answers, ending with exit. Nothing writes
// the session, yet every other request of the user waits for the query.
declare(strict_types=1);

$db = new PDO('mysql:host=127.0.0.1;dbname=shop', 'shop', (string) getenv('DB_PASSWORD'));

session_start(['read_and_close' => true]); // expect: prefer-read-and-close
$accountId = (int) ($_SESSION['account_id'] ?? 0);
$stmt = $db->prepare('SELECT id, status, total_cents FROM orders WHERE account_id = ? ORDER BY id DESC LIMIT 20');
$stmt->execute([$accountId]);

header('Content-Type: application/json');
echo json_encode($stmt->fetchAll(PDO::FETCH_ASSOC));
exit;
