<?php
// Cron over the web, with the session opened through bootstrap.php still held.
require 'bootstrap.php';
ignore_user_abort(true);
sleep(20); // expect: held-across-slow-call
