<?php
require __DIR__ . '/lib/init.php';
$report = file_get_contents('https://reports.example.com/daily'); // expect: held-across-slow-call@warning
echo $report;
