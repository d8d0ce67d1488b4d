<?php
// SquirrelMail's opener: a helper runs the PHP function its caller names
// (`call_user_func_array($function, $args)`), and the session helper passes 'session_start'.
// The reopen after the close is seen, so the writes land in an open session.
function quiet_call($function, $args = array()) {
    $old = error_reporting(0);
    $ret = call_user_func_array($function, $args);
    error_reporting($old);
    return $ret;
}
function my_session_start() {
    quiet_call('session_start');
}
function run_named($function) {
    return $function();
}
session_start();
session_write_close();
my_session_start();
$_SESSION['x'] = 1;
session_write_close();
run_named('session_start');
$_SESSION['y'] = 2;
