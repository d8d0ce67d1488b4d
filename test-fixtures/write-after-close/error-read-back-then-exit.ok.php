<?php
// A failed login destroys the session, stores the error message in it, prints the form (which
// shows that message) and exits: the request that wrote the message read it back and showed it,
// and no later request was meant to see it, so losing the stored copy changes nothing.
function show_form()
{
    if (!empty($_SESSION['err'])) {
        echo htmlspecialchars($_SESSION['err']);
    }
    echo '<form method="post"></form>';
}

session_start();
if (($_POST['pass'] ?? '') !== 'secret') {
    session_unset();
    session_destroy();
    $_SESSION['err'] = 'wrong password';
    show_form();
    exit;
}
$_SESSION['user'] = 'me';
