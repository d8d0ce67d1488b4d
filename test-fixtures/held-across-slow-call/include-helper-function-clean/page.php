<?php
require_once __DIR__ . '/config.php';
require_once __DIR__ . '/core.php';
require_api($_GET['api']);
require_lib('session_api.php');
$c = curl_init('http://example.com/');
curl_exec($c);
