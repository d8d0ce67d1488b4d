<?php
// The file's top-level script is a unit too: it starts closed, and function or class declarations
// in between do not change its state.
declare(strict_types=1);

probe(); // @state: closed

if (!function_exists('start_app_session')) {
    function start_app_session(): void
    {
        probe(); // @state: closed
        session_name('APPSESSID');
        session_start();
    }
}

probe(); // @state: closed
session_start();
probe(); // @state: open

function render_header(string $title): string
{
    probe(); // @state: closed
    return '<h1>' . htmlspecialchars($title) . '</h1>';
}

final class Flash
{
    public static function take(): ?string
    {
        probe(); // @state: closed
        $message = $_SESSION['flash'] ?? null;
        unset($_SESSION['flash']);
        return $message;
    }
}

$flash = Flash::take(); // @state: open
echo render_header('Dashboard'); // @state: open
session_write_close();
probe(); // @state: closed
