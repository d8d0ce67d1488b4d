<?php
// Does not define it: a request starts with no constant defined, so the bootstrap opens the session on every path.
require __DIR__ . '/common.php';
$report = file_get_contents('https://stats.example.com/daily'); // expect: held-across-slow-call@warning "Session lock held across `file_get_contents\(\)` on a URL: every other"
