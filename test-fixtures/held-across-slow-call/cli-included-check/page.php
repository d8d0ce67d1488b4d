<?php
// A web page of the same project: it does not include the check, so it is reported.
require __DIR__ . '/helpers.php';

session_start();
$_SESSION['feed'] = file_get_contents('https://example.com/feed.xml'); // expect: held-across-slow-call
