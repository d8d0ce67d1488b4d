<?php
// Download of a (possibly multi-gigabyte) export archive.
// FLAGGED: readfile() streams the whole file while the session is locked; during a slow download
// every other page of the site hangs for this user.
declare(strict_types=1);

session_start();
if (empty($_SESSION['user'])) {
    http_response_code(403);
    exit('Forbidden');
}

$exportId = basename((string) ($_GET['id'] ?? ''));
$path = '/var/lib/app/exports/' . (int) $_SESSION['user']['account_id'] . '/' . $exportId . '.zip';
if ($exportId === '' || !is_file($path)) {
    http_response_code(404);
    exit('Not found');
}

$_SESSION['last_download'] = $exportId;

header('Content-Type: application/zip');
header('Content-Length: ' . filesize($path));
header('Content-Disposition: attachment; filename="export-' . $exportId . '.zip"');
readfile($path);
