<?php
// Defines NO_SESSION_HANDLER first: PHP's file store is used, and it locks.
define('NO_SESSION_HANDLER', 1);
require __DIR__ . '/includes/Setup.php';
$page = file_get_contents('https://api.example.com/page'); // expect: held-across-slow-call@warning
