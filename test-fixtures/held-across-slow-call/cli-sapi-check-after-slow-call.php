<?php
// A SAPI check dominates only what follows it: the remote call before it runs for web
// requests too, with the session locked; the sleep after it runs from the command line only.
session_start();
$_SESSION['rates'] = file_get_contents('https://api.example.com/rates'); // expect: held-across-slow-call
if (PHP_SAPI !== 'cli') {
    exit;
}
sleep(30);
