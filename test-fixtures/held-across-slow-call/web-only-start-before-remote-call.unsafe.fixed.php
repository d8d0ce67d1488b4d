<?php
// Positive twin of `cli-stdin-check.ok.php`: the session is started only in a web request
// (`STDIN` is not defined there), and nothing ends the web path before the remote call.
if (!defined('STDIN') && session_status() === PHP_SESSION_NONE) {
    session_start();
}

$ch = curl_init('https://queue.example.com/next');
session_write_close();
curl_exec($ch); // expect: held-across-slow-call
session_start();
$_SESSION['polled'] = time();
session_write_close();
