<?php
// The flush is inside a helper: stream_csv() sends the rows with ob_flush()/flush(). The reopen
// after the call is reported, and the related locations lead into the helper.
declare(strict_types=1);

function stream_csv(iterable $rows): void
{
    header('Content-Type: text/csv');
    $out = fopen('php://output', 'w');
    foreach ($rows as $row) {
        fputcsv($out, $row);
        if (ob_get_level() > 0) {
            ob_flush();
        }
        flush();
    }
    fclose($out);
}

function export_orders(PDO $db): void
{
    session_start();
    $accountId = (int) ($_SESSION['account_id'] ?? 0);
    session_write_close();
    ini_set('session.use_cookies', '0');
    ini_set('session.cache_limiter', '');

    $stmt = $db->prepare('SELECT id, total_cents, created_at FROM orders WHERE account_id = ?');
    $stmt->execute([$accountId]);
    stream_csv($stmt);

    session_start(); // expect: reopen-after-output "`session_start\(\)` may run after output was sent"
    $_SESSION['last_export_at'] = time();
    session_write_close();
}
