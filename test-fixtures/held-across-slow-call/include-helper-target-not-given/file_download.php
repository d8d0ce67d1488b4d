<?php
// Only this page is given: core.php (included) and the file its include helper loads,
// core/session_api.php, are read from disk, as the page's plain includes are.
require_once('core.php');
$c = curl_init('http://example.com/');
curl_exec($c); // expect: held-across-slow-call
