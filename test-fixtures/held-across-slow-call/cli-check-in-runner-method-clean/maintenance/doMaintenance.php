<?php
require_once __DIR__ . '/MaintenanceRunner.php';
if (!defined('RUN_MAINTENANCE_IF_MAIN')) {
    echo "This file must be included after Maintenance.php\n";
    exit(1);
}
$runner = new MaintenanceRunner();
$runner->init($maintClass);
require_once dirname(__DIR__) . '/includes/Setup.php';
$success = $runner->run();
if (!$success) {
    exit(1);
}
