<?php
// Monthly sales report, converted to the user's currency.
// FLAGGED: the session stays open across the report query and the call to the exchange-rate API,
// and is only written (last_report_at) at the very end.
declare(strict_types=1);

require __DIR__ . '/../lib/db.php';

/** @return list<array<string, mixed>> */
function load_monthly_sales(PDO $db, int $accountId): array
{
    $stmt = $db->prepare(
        'SELECT DATE_FORMAT(created_at, "%Y-%m") AS month, SUM(total_cents) AS total_cents
           FROM orders
          WHERE account_id = ?
       GROUP BY month
       ORDER BY month DESC
          LIMIT 12'
    );
    $stmt->execute([$accountId]);

    return $stmt->fetchAll();
}

function fetch_exchange_rate(string $from, string $to): float
{
    if ($from === $to) {
        return 1.0;
    }

    $ch = curl_init('https://api.rates.example.com/v1/latest?' . http_build_query(['base' => $from, 'symbols' => $to]));
    curl_setopt_array($ch, [
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_TIMEOUT => 10,
        CURLOPT_HTTPHEADER => ['Accept: application/json'],
    ]);
    $body = curl_exec($ch);
    curl_close($ch);

    $data = is_string($body) ? json_decode($body, true) : null;

    return (float) ($data['rates'][$to] ?? 1.0);
}

session_start();
if (empty($_SESSION['user'])) {
    header('Location: /login.php');
    exit;
}
$accountId = (int) $_SESSION['user']['account_id'];
$currency = (string) ($_SESSION['user']['currency'] ?? 'EUR');

$pdo = new PDO(getenv('REPORT_DSN') ?: 'mysql:host=127.0.0.1;dbname=shop', getenv('REPORT_DB_USER') ?: 'report', getenv('REPORT_DB_PASSWORD') ?: '');
$sales = load_monthly_sales($pdo, $accountId);
$rate = fetch_exchange_rate('EUR', $currency);

$_SESSION['last_report_at'] = time();

header('Content-Type: text/html; charset=utf-8');
echo '<h1>Sales (' . e($currency) . ')</h1><table>';
foreach ($sales as $row) {
    printf('<tr><td>%s</td><td>%s</td></tr>', e($row['month']), number_format($row['total_cents'] / 100 * $rate, 2));
}
echo '</table>';
