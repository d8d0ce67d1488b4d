<?php
if (!defined('RUN_MAINTENANCE_IF_MAIN')) {
    define('RUN_MAINTENANCE_IF_MAIN', __DIR__ . '/doMaintenance.php');
}
if (defined('MEDIAWIKI')) {
    return;
}
require_once __DIR__ . '/MaintenanceBase.php';
$maintClass = false;
