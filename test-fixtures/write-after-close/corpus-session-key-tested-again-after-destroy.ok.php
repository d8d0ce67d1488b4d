<?php
// fusionpbx resources/check_auth.php: a session whose fingerprint no longer matches is destroyed
// only when `$_SESSION['authorized']` is set; `session_destroy()` leaves `$_SESSION` as it was,
// so the later `!$_SESSION['authorized']` branch, which writes, is never taken after the destroy.
session_start();
if ($_SESSION['authorized'] && $_SESSION['user_hash'] !== hash('sha256', $_SERVER['HTTP_USER_AGENT'])) {
    session_destroy();
    header('Location: /logout.php');
}
if (!$_SESSION['authorized']) {
    $_SESSION['template_content'] = '';
}
if (empty($_SESSION['authorized'])) {
    $_SESSION['login_attempts'] = 0;
}
