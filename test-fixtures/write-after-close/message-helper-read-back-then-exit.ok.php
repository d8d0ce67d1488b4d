<?php
// Logout: the session is destroyed, a helper stores the success message in it, and the login
// form printed next shows the message before the script exits. The helper's writes are read
// back by the same request and nothing sends the client on: nothing is lost that a later
// request needed.
function set_message($message)
{
    $_SESSION['msg_type'] = 'success';
    $_SESSION['msg'] = $message;
}

function print_messages()
{
    if (isset($_SESSION['msg'])) {
        echo '<p class="' . htmlspecialchars($_SESSION['msg_type']) . '">' . htmlspecialchars($_SESSION['msg']) . '</p>';
        unset($_SESSION['msg'], $_SESSION['msg_type']);
    }
}

function print_login()
{
    print_messages();
    echo '<form method="post"></form>';
}

session_start();
session_unset();
session_destroy();
set_message('You are signed out.');
print_login();
exit();
