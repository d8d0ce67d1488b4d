<?php
// A sign that the request will run long (`set_time_limit(0)`) with the session open, where a
// path from it keeps the session to the end of the request: the long work runs with the lock.
declare(strict_types=1);

session_start();
session_write_close();
set_time_limit(0); // expect: held-across-slow-call "sign that this request is expected to run long"
if (!isset($_SESSION['user'])) {
    echo 'Please log in.';
    exit;
}
if ($_SESSION['user']['role'] !== 'admin') {
    session_write_close();
}
Exporter::runAll($_SESSION['user']);
