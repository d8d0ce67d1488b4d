<?php
// Clean: `session_register()` is declared only by a file PHP never compiles
// (compat/sessions.php-dist), so the call runs no project code and nothing slow is held.
session_start();
$_SESSION['seen'] = time();
if (function_exists('session_register')) {
    session_register('seen');
}
