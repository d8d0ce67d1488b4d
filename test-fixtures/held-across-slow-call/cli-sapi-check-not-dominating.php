<?php
// A SAPI check that ends nothing, and one that only runs on a branch: the script still serves
// web requests, so the lock held across the remote call is reported.
if (PHP_SAPI === 'cli') {
    echo "Running from the command line\n";
}
if (isset($_GET['debug'])) {
    if (PHP_SAPI !== 'cli') {
        exit;
    }
}

session_start();
$_SESSION['rates'] = file_get_contents('https://api.example.com/rates'); // expect: held-across-slow-call
