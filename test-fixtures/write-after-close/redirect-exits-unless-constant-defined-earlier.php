<?php
// The same helper, but the constant is defined before the destroy: `redirect()` returns, and
// the write after it is lost.
function redirect($to)
{
    if (!defined('STOP_REDIRECT')) {
        header('Location: ' . $to);
        exit;
    }
}

session_start();
define('STOP_REDIRECT', true);
if (($_GET['logout'] ?? '') === 'yes') {
    session_destroy();
    redirect('/');
}
$_SESSION['seen'] = time(); // expect: write-after-close "destroyed"
