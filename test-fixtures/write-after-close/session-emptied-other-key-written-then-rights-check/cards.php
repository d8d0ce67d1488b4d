<?php
include 'lib/defines.php';
include 'lib/access.php';
if (!has_rights(1)) {
    header('Location: error.php?c=accessdenied');
    die();
}
$_SESSION['IDfilter'] = (int) ($_GET['id'] ?? 0);
