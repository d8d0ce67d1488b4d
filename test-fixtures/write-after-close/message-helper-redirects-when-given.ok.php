<?php
// Logout: the session is destroyed and a helper stores the success message; it sends the client
// on only when given a page (`if ($url)`, the parameter defaults to ''), and this call gives
// none, so the login form printed next shows the message and the script exits. The writes were
// for this request only.
function set_message($message, $url = '')
{
    $_SESSION['msg'] = $message;
    if (!empty($url)) {
        header('Location: ' . $url);
        exit();
    }
}

function print_login()
{
    if (isset($_SESSION['msg'])) {
        echo '<p>' . htmlspecialchars($_SESSION['msg']) . '</p>';
    }
    echo '<form method="post"></form>';
}

session_start();
session_unset();
session_destroy();
set_message('You are signed out.');
print_login();
exit();
