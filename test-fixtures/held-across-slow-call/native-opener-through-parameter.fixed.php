<?php
// A session opened through a helper that runs the PHP function its caller names
// (SquirrelMail's `sq_call_function_suppress_errors('session_start')`): the lock is held
// across the IMAP connection that follows.
function quiet_call($function, $args = array()) {
    $old = error_reporting(0);
    $ret = call_user_func_array($function, $args);
    error_reporting($old);
    return $ret;
}
function my_session_start() {
    quiet_call('session_start');
}
my_session_start();
$user = $_SESSION['user'] ?? '';
session_write_close();
$imap = fsockopen('imap.example.com', 143, $errno, $errstr, 15); // expect: held-across-slow-call
fwrite($imap, "a001 LOGIN $user secret\r\n");
