#!/usr/bin/env php
<?php
// A `#!` line: a command-line script (cron, a worker). No browser waits for its session lock.
session_start();
$_SESSION['last_run'] = time();
sleep(30);
