<?php
// The fix: the slow work runs with the session closed, the short reopen-write-close happens
// before anything is flushed, and only then is the file streamed.
declare(strict_types=1);

session_start();
$accountId = (int) ($_SESSION['account_id'] ?? 0);
session_write_close();

$fileId = basename((string) ($_GET['file'] ?? ''));
$path = "/srv/files/{$accountId}/{$fileId}";
$checksum = hash_file('sha256', $path);

session_start();
$_SESSION['downloads'][] = ['file' => $fileId, 'sha256' => $checksum];
session_write_close();

header('Content-Type: application/octet-stream');
header('X-Checksum-Sha256: ' . $checksum);
readfile($path);
flush();
