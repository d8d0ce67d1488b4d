<?php
// show_list() is declared here through the file this script includes (forms.php, quick)
// and in admin.php (slow): the included one is the one this request runs.
require __DIR__ . '/forms.php';

session_start();
show_list();
$_SESSION['listed'] = true;
