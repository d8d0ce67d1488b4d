<?php
// As json-endpoint.php, but the page history is an object an earlier request stored in the
// session, and this one adds to it. Nothing writes `$_SESSION`, yet `read_and_close` would close
// the session before `$history->push()`, whose change PHP saves only while the session is open:
// the fix is offered as unsafe, saying so (no `*.fixed.php`: not applied by `--fix`).
declare(strict_types=1);

$db = new PDO('mysql:host=127.0.0.1;dbname=shop', 'shop', (string) getenv('DB_PASSWORD'));

session_start(['read_and_close' => true]); // expect: prefer-read-and-close
$accountId = (int) ($_SESSION['account_id'] ?? 0);
$history = $_SESSION['history'];
$stmt = $db->prepare('SELECT id, status, total_cents FROM orders WHERE account_id = ? ORDER BY id DESC LIMIT 20');
$stmt->execute([$accountId]);
$history->push('/orders');

header('Content-Type: application/json');
echo json_encode($stmt->fetchAll(PDO::FETCH_ASSOC));
exit;
