<?php
// The error message is read back (logged) in this request, but the page then sends the client
// on to the login page, which is where the message was meant to be shown: the write after the
// destroy is the lost flash message, and is reported.
function log_error()
{
    error_log((string) ($_SESSION['err'] ?? ''));
}

session_start();
if (($_POST['pass'] ?? '') !== 'secret') {
    session_unset();
    session_destroy();
    $_SESSION['err'] = 'wrong password'; // expect: write-after-close "^A write to `\$_SESSION\['err'\]` after the session was destroyed"
    log_error();
    header('Location: /login.php');
    exit;
}
$_SESSION['user'] = 'me';
