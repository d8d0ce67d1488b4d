<?php
// Same-file helpers that end the script (redirect-and-exit, deny-and-die) end the caller's path
// too, and a helper that opens the session and exits on failure leaves it open on return.
declare(strict_types=1);

function redirect(string $to): never
{
    header('Location: ' . $to);
    exit;
}

function deny(): void
{
    http_response_code(403);
    die('Forbidden');
}

function require_login(): int
{
    session_start();
    if (empty($_SESSION['user_id'])) {
        redirect('/login.php');
    }
    return (int) $_SESSION['user_id'];
}

function flash_and_redirect(bool $invalid): void
{
    if ($invalid) {
        session_start();
        $_SESSION['flash'] = 'Please check the form.';
        redirect('/form.php');
    }
    probe(); // @state: closed
}

function deny_after_open(bool $forbidden): void
{
    if ($forbidden) {
        session_start();
        deny();
    }
    probe(); // @state: closed
}

function login_then_work(): void
{
    $userId = require_login();
    probe(); // @state: open
}

class Response
{
    public static function redirect(string $to): void
    {
        header('Location: ' . $to);
        if (!headers_sent()) {
            exit;
        }
        die('<a href="' . htmlspecialchars($to) . '">Continue</a>');
    }
}

function static_redirect_helper(bool $invalid): void
{
    if ($invalid) {
        session_start();
        Response::redirect('/form.php');
    }
    probe(); // @state: closed
}
