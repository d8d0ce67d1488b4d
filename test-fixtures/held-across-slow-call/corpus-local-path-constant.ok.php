<?php
// phpMyAdmin (SQL_DIR, ConfigStorage/Relation.php): a constant defined from ROOT_PATH (`__DIR__`) names the app's own folder.
define('ROOT_PATH', __DIR__ . DIRECTORY_SEPARATOR);
$vendorConfig = ['sqlDir' => ROOT_PATH . 'sql' . DIRECTORY_SEPARATOR];
define('SQL_DIR', (string) $vendorConfig['sqlDir']);
session_start();
$upgrade = (string) @file_get_contents(SQL_DIR . 'upgrade_column_info_4_3_0+.sql');
$_SESSION['relation_upgraded'] = $upgrade !== '';
