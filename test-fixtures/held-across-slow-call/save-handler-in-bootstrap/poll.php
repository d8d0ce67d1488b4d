<?php
// Goes through the bootstrap, which installs the store that takes no lock: the finding is only info.
require __DIR__ . '/lib/bootstrap.php';
session_start();
sleep(5); // expect: held-across-slow-call@info "CacheStore. \(lib/bootstrap.php:4\) is installed on every path here"
$_SESSION['polled_at'] = time();
