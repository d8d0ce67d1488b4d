<?php
// Logout: a helper stores the success message in the destroyed session, then the page sends
// the client to the login page, which would show it: the message is lost (a lost flash).
function set_message($message)
{
    $_SESSION['msg_type'] = 'success';
    $_SESSION['msg'] = $message;
}

session_start();
session_unset();
session_destroy();
set_message('You are signed out.'); // expect: write-after-close "^`set_message\(\)` writes the session after it was destroyed"
header('Location: /login.php');
exit();
