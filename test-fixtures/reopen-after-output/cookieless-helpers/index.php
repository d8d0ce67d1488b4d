<?php
declare(strict_types=1);

require __DIR__ . '/functions.php';
require __DIR__ . '/bootstrap.php';

$queries = (array) ($_SESSION['queries'] ?? []);
stop_session();
foreach ($queries as $query) {
    echo htmlspecialchars((string) $query), "\n";
    flush();
}
restart_session();
$_SESSION['queries'] = [];
stop_session();
