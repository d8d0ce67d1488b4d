<?php
// The twin of form-reads-back-own-default-then-exits.ok.php: the form that ends the request
// stores when it was shown, and nothing reads it back: the value meant for a later request
// (a form timestamp) is lost with the destroyed session.
function print_login()
{
    $_SESSION['form_shown_at'] = time();
    echo '<form method="post"></form>';
    exit();
}

session_start();
session_unset();
session_destroy();
print_login(); // expect: write-after-close "^`print_login\(\)` writes the session after it was destroyed"
