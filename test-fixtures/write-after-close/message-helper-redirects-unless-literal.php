<?php
// The twin of message-helper-redirects-unless-literal.ok.php: the same helper is handed a
// page to go to, so it sends the client on (`header('Location: …')`) after storing the message
// in the destroyed session: the message the next page would show is lost (a lost flash).
function process_messages($message, $redirect_to, $type = 'ERROR')
{
    switch ($type) {
        case 'SUCCESS':
            $_SESSION['HESK_SUCCESS'] = true;
            break;
        default:
            $_SESSION['HESK_ERROR'] = true;
    }
    $_SESSION['HESK_MESSAGE'] = $message;
    if ($redirect_to == 'NOREDIRECT') {
        return true;
    }
    header('Location: ' . $redirect_to);
    exit();
}

function print_login()
{
    if (isset($_SESSION['HESK_MESSAGE'])) {
        echo '<p>' . htmlspecialchars($_SESSION['HESK_MESSAGE']) . '</p>';
    }
    $fields = $_SESSION['a_iserror'] ?? [];
    echo '<form method="post" class="' . implode(' ', $fields) . '"></form>';
}

session_start();
if (($_POST['pass'] ?? '') !== 'secret') {
    session_unset();
    session_destroy();
    $_SESSION['a_iserror'] = ['pass']; // expect: write-after-close "^A write to `\$_SESSION\['a_iserror'\]` after the session was destroyed"
    process_messages('Wrong password.', 'login.php');
    print_login();
    exit();
}
$_SESSION['user'] = 'me';
