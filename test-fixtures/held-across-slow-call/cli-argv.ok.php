<?php
// Reads its command-line arguments at the top level: a script run as `php export.php <user>`.
$user = $argv[1];
session_start();
$_SESSION['user'] = $user;
sleep(5);
