<?php
// Failed login (HESK's shape): the session is destroyed, the error is stored in it, and a
// message helper that redirects unless its second argument is the string 'NOREDIRECT' is
// called with 'NOREDIRECT'; the login form printed next reads both and the script exits. At
// this call the helper never reaches its `header('Location: …')`: nothing is sent on, and the
// writes were for this request only. The form's own writes (a default for `a_iserror`, read
// just after; the removal of a key from the destroyed session) lose nothing either.
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

function handle_messages()
{
    if (isset($_SESSION['HESK_MESSAGE'])) {
        $class = isset($_SESSION['HESK_SUCCESS']) ? 'success' : (isset($_SESSION['HESK_ERROR']) ? 'error' : 'notice');
        echo '<p class="' . $class . '">' . htmlspecialchars($_SESSION['HESK_MESSAGE']) . '</p>';
    }
}

function clean_session_vars($name)
{
    if (isset($_SESSION[$name])) {
        unset($_SESSION[$name]);
    }
}

function print_login()
{
    if (isset($_GET['notice'])) {
        process_messages('Your session expired.', 'NOREDIRECT');
    }
    if (!isset($_SESSION['a_iserror'])) {
        $_SESSION['a_iserror'] = [];
    }
    handle_messages();
    $fields = $_SESSION['a_iserror'] ?? [];
    echo '<form method="post" class="' . implode(' ', $fields) . '"></form>';
    clean_session_vars('a_iserror');
}

session_start();
if (($_POST['pass'] ?? '') !== 'secret') {
    session_unset();
    session_destroy();
    $_SESSION['a_iserror'] = ['pass'];
    process_messages('Wrong password.', 'NOREDIRECT');
    print_login();
    exit();
}
$_SESSION['user'] = 'me';
