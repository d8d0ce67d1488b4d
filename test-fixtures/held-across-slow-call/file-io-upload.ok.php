<?php
// Reading an upload (`$_FILES[…]['tmp_name']`) or a temp file (`tempnam(sys_get_temp_dir(), …)`)
// with the session open: PHP stored them on this machine, so it is local file I/O, not slow.
declare(strict_types=1);

session_start();
if (!isset($_FILES['contacts']) || $_FILES['contacts']['error'] !== UPLOAD_ERR_OK) {
    $_SESSION['flash'] = 'Upload failed.';
    header('Location: /contacts/import.php');
    exit;
}

$csv = file_get_contents($_FILES['contacts']['tmp_name']);
$scratch = tempnam(sys_get_temp_dir(), 'import');
file_put_contents($scratch, (string) $csv);
$rows = file($scratch) ?: [];

$_SESSION['import_preview'] = array_slice($rows, 0, 20);
$_SESSION['import_rows'] = count($rows);
session_write_close();

header('Location: /contacts/import-preview.php');
