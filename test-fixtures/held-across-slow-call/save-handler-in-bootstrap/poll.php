<?php
// Goes through the bootstrap, which installs the store that takes no lock: no lock finding (the summary counts it).
require __DIR__ . '/lib/bootstrap.php';
session_start();
sleep(5);
$_SESSION['polled_at'] = time();
