<?php
// The message is read back in this function, which then returns to code the analysis does not
// follow from here (its caller may still send the client on): the write stays reported.
function show_form()
{
    echo htmlspecialchars((string) ($_SESSION['err'] ?? ''));
}

function fail_login()
{
    session_start();
    session_unset();
    session_destroy();
    $_SESSION['err'] = 'wrong password'; // expect: write-after-close "^A write to `\$_SESSION\['err'\]` after the session was destroyed"
    show_form();
}
