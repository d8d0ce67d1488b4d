<?php
// Download endpoint: the session is read with read_and_close (good), the file is streamed with
// readfile(), and only then is the session reopened to record the download. By then the headers
// have been sent: session_start() fails and the download history is never saved.
declare(strict_types=1);

session_start(['read_and_close' => true]);
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');
$accountId = (int) ($_SESSION['account_id'] ?? 0);
if ($accountId === 0) {
    http_response_code(403);
    exit;
}

$fileId = basename((string) ($_GET['file'] ?? ''));
$path = "/srv/files/{$accountId}/{$fileId}";
header('Content-Type: application/octet-stream');
header('Content-Disposition: attachment; filename="' . $fileId . '"');
readfile($path);

session_start(); // expect: reopen-after-output "^`session_start\(\)` may run after output was sent to the client \(line 18\)"
$_SESSION['downloads'][] = ['file' => $fileId, 'at' => time()];
session_write_close();
