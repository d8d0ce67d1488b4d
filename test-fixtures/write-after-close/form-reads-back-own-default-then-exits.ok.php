<?php
// Logout (HESK's print_login()): the session is destroyed, then the login form sets a default
// for the error list it shows, reads it to mark the fields, and ends the request itself
// (`exit`). The form's write was read back by the request that made it, and nothing was sent
// on: nothing a later request needed is lost.
function print_login()
{
    if (!isset($_SESSION['a_iserror'])) {
        $_SESSION['a_iserror'] = [];
    }
    $class = in_array('pass', $_SESSION['a_iserror']) ? 'has-error' : '';
    echo '<form method="post" class="' . $class . '"></form>';
    exit();
}

session_start();
session_unset();
session_destroy();
print_login();
