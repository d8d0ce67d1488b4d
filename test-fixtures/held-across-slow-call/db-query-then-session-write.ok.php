<?php
// A dashboard runs a 90-day aggregate while the session is locked, then writes one key. A page's
// own query is not slow work: nothing in the code says it waits, and its cost is not known here.
declare(strict_types=1);

$pdo = new PDO('mysql:host=127.0.0.1;dbname=shop;charset=utf8mb4', 'shop', getenv('DB_PASSWORD') ?: '', [
    PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
    PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
]);

session_start();
$accountId = (int) ($_SESSION['account_id'] ?? 0);
if ($accountId === 0) {
    header('Location: /login.php');
    exit;
}

$sql = <<<SQL
    SELECT DATE(created_at) AS day, COUNT(*) AS orders, SUM(total_cents) AS revenue_cents
      FROM orders
     WHERE account_id = {$accountId}
       AND created_at >= NOW() - INTERVAL 90 DAY
  GROUP BY DATE(created_at)
  ORDER BY day
SQL;
$days = $pdo->query($sql)->fetchAll();

$_SESSION['dashboard_viewed_at'] = time();

header('Content-Type: application/json');
echo json_encode(['account' => $accountId, 'days' => $days]);
