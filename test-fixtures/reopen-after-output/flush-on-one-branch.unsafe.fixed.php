<?php
// Only the streaming branch flushes; the reopen after the branches is reported because it may
// follow that flush.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');

$format = (string) ($_GET['format'] ?? 'json');
$logPath = "/var/log/app/users/{$userId}.log";
if ($format === 'raw') {
    header('Content-Type: text/plain');
    $fp = fopen($logPath, 'rb');
    fpassthru($fp);
    fclose($fp);
} else {
    header('Content-Type: application/json');
    echo json_encode(['lines' => count(file($logPath))]);
}

session_start(); // expect: reopen-after-output
$_SESSION['log_viewed_at'] = time();
session_write_close();
