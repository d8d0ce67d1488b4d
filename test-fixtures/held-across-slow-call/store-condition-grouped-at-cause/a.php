<?php
require __DIR__ . '/store.php';
require __DIR__ . '/lib.php';
start_session($_GET['handler'] ?? 'files');
$_SESSION['page'] = 'a';
wait_for_user();
