<?php
declare(strict_types=1);

$queries = (array) ($_GET['queries'] ?? []);
foreach ($queries as $query) {
    echo htmlspecialchars((string) $query), "\n";
    flush();
}
restart_session();
$_SESSION['last_page'] = 'queries';
stop_session();
remember_queries($queries);
