<?php
// The error message written after the destroy is never read by this request (the page prints
// something else and exits): it was meant for a later one, and is lost.
session_start();
if (($_POST['pass'] ?? '') !== 'secret') {
    session_unset();
    session_destroy();
    $_SESSION['err'] = 'wrong password'; // expect: write-after-close "^A write to `\$_SESSION\['err'\]` after the session was destroyed"
    echo '<form method="post"></form>';
    exit;
}
$_SESSION['user'] = 'me';
