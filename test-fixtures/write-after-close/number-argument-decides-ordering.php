<?php
// The cookie setter of `corpus-number-argument-decides-ordering.ok.php` called after the session
// is destroyed with a lifetime of a day: `$time < 0` is false for 86400, so the setter stores the
// value in the session, which is lost.
function set_cookie($name, $value, $time = null)
{
    setcookie($name, $value, time() + (int) $time);
    if ($time < 0) {
        unset($_SESSION[$name]);
    } else {
        $_SESSION[$name] = $value;
    }
}

function remember_cookie($name, $value)
{
    set_cookie($name, $value, 86400);
}

session_start();
if (isset($_REQUEST['logout'])) {
    $_SESSION = array();
    session_destroy();
    remember_cookie('lang', 'en'); // expect: write-after-close
    header('Location: /');
    exit;
}
