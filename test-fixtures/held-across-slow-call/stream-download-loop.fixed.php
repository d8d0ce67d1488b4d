<?php
// A backup download streams the file in chunks with echo + flush while the session is still
// open: the whole transfer holds the lock. The streaming loop is reported at its header.
declare(strict_types=1);

session_start();
if (!in_array('backup:download', $_SESSION['permissions'] ?? [], true)) {
    http_response_code(403);
    exit;
}

$name = basename((string) ($_GET['file'] ?? ''));
$path = '/srv/backups/' . $name;
if ($name === '' || !is_file($path)) {
    http_response_code(404);
    exit;
}

$_SESSION['last_backup_download'] = $name;

header('Content-Type: application/gzip');
header('Content-Length: ' . filesize($path));
header('Content-Disposition: attachment; filename="' . $name . '"');

$fh = fopen($path, 'rb');
session_write_close();
while (!feof($fh)) { // expect: held-across-slow-call
    echo fread($fh, 8192);
    flush();
}
fclose($fh);
