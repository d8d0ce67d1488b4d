<?php
// The twin of message-helper-redirects-when-given.ok.php: the helper is given the login page,
// so it sends the client there after storing the message in the destroyed session: the
// message that page would show is lost.
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
set_message('You are signed out.', '/login.php'); // expect: write-after-close "^`set_message\(\)` writes the session after it was destroyed"
print_login();
exit();
