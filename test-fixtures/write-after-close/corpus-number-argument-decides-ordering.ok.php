<?php
// Reduced from zenphoto (auth.php's logout): after the session is destroyed, clearing a cookie
// calls the cookie setter with a negative lifetime, which only removes the key (nothing to lose
// in a destroyed session); the branch that stores the value in the session needs a lifetime of
// zero or more. The number written at the call decides `$time < 0` in the setter.
function set_cookie($name, $value, $time = null)
{
    setcookie($name, $value, time() + (int) $time);
    if ($time < 0) {
        unset($_SESSION[$name]);
    } else {
        $_SESSION[$name] = $value;
    }
}

function clear_cookie($name)
{
    set_cookie($name, '', -368000);
}

session_start();
if (isset($_REQUEST['logout'])) {
    $_SESSION = array();
    session_destroy();
    clear_cookie('ssl');
    header('Location: /');
    exit;
}
