<?php
// After an early close, the write is wrapped in a status guard that reopens the session: on every
// path that reaches the write the session is open again.
declare(strict_types=1);

function ensure_session(): void
{
    if (session_status() !== PHP_SESSION_ACTIVE) {
        session_start();
    }
}

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();

$report = shell_exec('php ' . escapeshellarg(__DIR__ . '/bin/report.php') . ' ' . $userId);

if (session_status() !== PHP_SESSION_ACTIVE) {
    session_start();
}
$_SESSION['report_ready'] = true;
session_write_close();

ensure_session();
$_SESSION['report_seen'] = true;
session_write_close();

echo $report;
