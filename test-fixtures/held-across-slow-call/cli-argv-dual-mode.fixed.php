<?php
// Runs both ways: it tests whether $argv is set, so it also serves web requests.
$user = isset($argv[1]) ? $argv[1] : $_GET['user'];
session_start();
$_SESSION['user'] = $user;
session_write_close();
sleep(5); // expect: held-across-slow-call
