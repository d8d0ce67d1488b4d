<?php
// The same dashboard done right: read what is needed, close the session before the slow query,
// and reopen it only for the one write at the end (before any output is sent).
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
session_write_close();

$sql = <<<SQL
    SELECT DATE(created_at) AS day, COUNT(*) AS orders, SUM(total_cents) AS revenue_cents
      FROM orders
     WHERE account_id = {$accountId}
       AND created_at >= NOW() - INTERVAL 90 DAY
  GROUP BY DATE(created_at)
  ORDER BY day
SQL;
$days = $pdo->query($sql)->fetchAll();

session_start();
$_SESSION['dashboard_viewed_at'] = time();
session_write_close();

header('Content-Type: application/json');
echo json_encode(['account' => $accountId, 'days' => $days]);
