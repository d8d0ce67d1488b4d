<?php
// Does not define NO_SESSION_HANDLER: the store that takes no lock is installed on every path, so no lock finding.
require __DIR__ . '/includes/Setup.php';
$page = file_get_contents('https://api.example.com/page');
