<?php
// PHP 3 emulation of the session functions: a fatal "Cannot redeclare session_start()" on any
// PHP that has them, so never loaded; calls to these names reach PHP's functions.
function session_start() {
    return true;
}

function session_write_close() {
    return true;
}
