<?php
// The twin of error-read-back-then-redirect.php: the header sent after the destroy only names the
// page's content type, so nothing sends the client on, and the form printed next shows the
// message this request stored: losing the stored copy changes nothing.
function show_form()
{
    echo htmlspecialchars((string) ($_SESSION['err'] ?? ''));
    echo '<form method="post"></form>';
}

session_start();
if (($_POST['pass'] ?? '') !== 'secret') {
    session_unset();
    session_destroy();
    $_SESSION['err'] = 'wrong password';
    header('Content-Type: text/html; charset=utf-8');
    show_form();
    exit;
}
$_SESSION['user'] = 'me';
