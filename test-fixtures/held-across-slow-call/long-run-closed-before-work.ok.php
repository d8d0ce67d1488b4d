<?php
// The same sign, but every path that goes on to the request's work closes the session first:
// the only paths that keep it end the request early with `exit` (an error page), so the long
// work the sign announces runs without the lock.
declare(strict_types=1);

session_start();
set_time_limit(0);
if (!extension_loaded('pdo')) {
    echo 'No database extension.';
    exit;
}
$user = $_SESSION['user'] ?? null;
$_SESSION['export_started'] = time();
session_write_close();
Exporter::runAll($user);
