<?php
// PHP 3 emulation of the session functions, for a PHP that lacks them (osCommerce's shape; an
// unguarded copy is a fatal "Cannot redeclare session_start()", which `php -l` rejects). On any
// PHP that has sessions these declarations never happen: calls reach PHP's own functions.
if (!function_exists('session_start')) {
    function session_start() {
        return true;
    }

    function session_write_close() {
        return true;
    }
}
