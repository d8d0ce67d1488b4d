<?php
// Included by index.php for a visitor who is not signed in.
function print_form()
{
    $_SESSION['form_cache'] = ['fields' => 2];
    session_write_close();
    echo '<form method="post"></form>';
}

print_form();
if (isset($_GET['lm'])) {
    $_SESSION['auth_message'] = (string) $_GET['lm']; // expect: write-after-close "after the session was closed"
}
if (isset($_SESSION['auth_message'])) {
    echo '<p>' . htmlspecialchars($_SESSION['auth_message']) . '</p>';
}
