<?php
// The script ends unless PHP runs from the command line: every line after the check is CLI only.
if (php_sapi_name() !== 'cli') {
    http_response_code(403);
    die('Run this from the command line.');
}

session_start();
$_SESSION['imported'] = file_get_contents('https://example.com/feed.xml');
