<?php
// Cron over the web: it runs for minutes with the session opened by Model/Site.php.
require_once '../../define_root.php';
require_once INCLUDE_ROOT . 'Model/Site.php';
set_time_limit(360);
$ch = curl_init('https://opencpu.example.org/ocpu/library/base/R/identity');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
echo curl_exec($ch); // expect: held-across-slow-call "curl_exec"
