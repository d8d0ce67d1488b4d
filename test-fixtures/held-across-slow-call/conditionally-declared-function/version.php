<?php
require __DIR__ . '/users.php';
if (logged_in_level() < 100) {
    return;
}
$c = curl_init($_POST['uri']);
curl_setopt($c, CURLOPT_RETURNTRANSFER, true);
echo curl_exec($c); // expect: held-across-slow-call "curl_exec"
