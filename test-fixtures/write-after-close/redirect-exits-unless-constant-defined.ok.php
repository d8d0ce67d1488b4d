<?php
// A redirect helper that exits unless a constant says not to: the request starts with no
// constant defined, so the destroy path below always exits inside `redirect()`.
function redirect($to)
{
    if (!defined('STOP_REDIRECT')) {
        header('Location: ' . $to);
        exit;
    }
}

function stop_form($notice)
{
    define('STOP_REDIRECT', true);
    $_SESSION['notice'] = $notice;
}

session_start();
if (($_GET['logout'] ?? '') === 'yes') {
    session_destroy();
    redirect('/');
}
if (empty($_POST['name'])) {
    stop_form('name is required');
}
$_SESSION['seen'] = time();
