<?php
include 'lib/defines.php';
include 'lib/access.php';
if (!has_rights(4096)) {
    header('Location: error.php?c=accessdenied');
    die();
}
$_SESSION['pr_sql_export'] = 'SELECT * FROM packages';
