<?php
// Requires a file that exits unless PHP runs from the command line: this script is CLI only.
require __DIR__ . '/cli-only.php';

session_start();
$_SESSION['feed'] = file_get_contents('https://example.com/feed.xml');
