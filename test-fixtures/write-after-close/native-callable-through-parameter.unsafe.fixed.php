<?php
// The same helpers handed 'session_write_close': the close runs through the parameter, so the
// writes after it are lost. Each call site binds its own name (the helper is not one summary).
function quiet_call($function, $args = array()) {
    $old = error_reporting(0);
    $ret = call_user_func_array($function, $args);
    error_reporting($old);
    return $ret;
}
function run_named($function) {
    return $function();
}
session_start();
quiet_call('session_write_close');
session_start();
$_SESSION['x'] = 1; // expect: write-after-close
session_write_close();
quiet_call('session_start');
$_SESSION['y'] = 2;
run_named('session_write_close');
session_start();
$_SESSION['z'] = 3; // expect: write-after-close
session_write_close();
