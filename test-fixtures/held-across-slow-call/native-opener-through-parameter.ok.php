<?php
// The same helper closes the session too ('session_write_close' at its own call site) before
// the IMAP connection: nothing is held. A name whose function the flow does not follow
// ('strtolower') changes nothing.
function quiet_call($function, $args = array()) {
    $old = error_reporting(0);
    $ret = call_user_func_array($function, $args);
    error_reporting($old);
    return $ret;
}
quiet_call('session_start');
$user = quiet_call('strtolower', array($_SESSION['user'] ?? ''));
quiet_call('session_write_close');
$imap = fsockopen('imap.example.com', 143, $errno, $errstr, 15);
fwrite($imap, "a001 LOGIN $user secret\r\n");
