<?php
// Reading an uploaded file (a path only known at run time) while the session is open: local
// file I/O of unknown size, reported at info severity.
declare(strict_types=1);

session_start();
if (!isset($_FILES['contacts']) || $_FILES['contacts']['error'] !== UPLOAD_ERR_OK) {
    $_SESSION['flash'] = 'Upload failed.';
    header('Location: /contacts/import.php');
    exit;
}

$csv = file_get_contents($_FILES['contacts']['tmp_name']); // expect: held-across-slow-call
$rows = array_map('str_getcsv', preg_split('/\R/', trim((string) $csv)) ?: []);

$_SESSION['import_preview'] = array_slice($rows, 0, 20);
$_SESSION['import_rows'] = count($rows);
session_write_close();

header('Location: /contacts/import-preview.php');
