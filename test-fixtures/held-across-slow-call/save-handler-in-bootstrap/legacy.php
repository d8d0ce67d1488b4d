<?php
// Does not go through the bootstrap: PHP's own file store locks, whatever stores other files install.
session_start();
sleep(5); // expect: held-across-slow-call@warning
$_SESSION['polled_at'] = time();
