<?php
// Reduced from phpList's `session_destroy(); Redirect('…'); exit;`: the redirect helper falls
// back to the configuration (which caches a flag in the session) only when the request has no
// Host header. Every web request has one, and a session lock matters only in a web request:
// the fallback, and its write after the destroy, never run.
declare(strict_types=1);

function config_value(string $item): string
{
    if (empty($_SESSION['has_config'])) {
        $_SESSION['has_config'] = true;
    }
    return $item;
}

function host_name(): string
{
    if (!empty($_SERVER['HTTP_HOST'])) {
        return $_SERVER['HTTP_HOST'];
    }
    return config_value('website');
}

function redirect_to(string $page): void
{
    header('Location: https://' . host_name() . '/?page=' . $page);
    exit;
}

session_start();
if (($_GET['action'] ?? '') === 'logout') {
    session_destroy();
    redirect_to('login');
}
echo 'Hello';
