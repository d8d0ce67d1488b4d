<?php
// A view the request picks: every file matching views/*.php is a page a user can ask for, and each
// runs under the lock (a dispatch): the status view's remote check is reported in that file.
require __DIR__ . '/../lib/bootstrap.php';

$view = basename($_GET['view'] ?? 'home');
include __DIR__ . '/../views/' . $view . '.php';
