<?php
// Code that hands the open session to someone else is not reported: a helper that starts it and
// returns (its callers may write), and a bootstrap-style top level that checks the login and
// reaches its end with the session open (the pages that include it may write).
declare(strict_types=1);

function ensure_session(): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
}

function require_login(): int
{
    ensure_session();
    if (empty($_SESSION['user_id'])) {
        http_response_code(401);
        echo json_encode(['error' => 'not_authenticated']);
        exit;
    }
    return (int) $_SESSION['user_id'];
}

session_start();
if (empty($_SESSION['user_id'])) {
    header('Location: /login.php');
    exit;
}
define('CURRENT_USER_ID', (int) $_SESSION['user_id']);
