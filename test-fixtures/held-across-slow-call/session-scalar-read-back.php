<?php
// Scalars read back from the session and only used after the slow call (printed, passed to
// PHP's own functions) are the request's own copies: closing before the slow call loses
// nothing, so the close is safe.
session_start(); // expect: prefer-read-and-close
$name = $_SESSION['name'] ?? 'guest';
$theme = $_SESSION['theme'];

$weather = file_get_contents('https://weather.example/today'); // expect: held-across-slow-call
echo htmlspecialchars($name), ' (', strtoupper($theme), '): ', $weather;
