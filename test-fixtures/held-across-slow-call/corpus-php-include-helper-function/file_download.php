<?php
require_once('core.php');
$c = curl_init('http://example.com/');
curl_exec($c); // expect: held-across-slow-call
