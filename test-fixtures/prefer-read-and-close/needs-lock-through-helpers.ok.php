<?php
// The writes, the id regeneration and the destroy happen inside same-file helpers or methods;
// the analysis sees them through the calls, so none of these opens is reported.
declare(strict_types=1);

function remember_page(string $page): void
{
    $_SESSION['last_page'] = $page;
}

function log_out(): void
{
    $_SESSION = [];
    session_destroy();
}

final class Auth
{
    public function refresh(): void
    {
        session_regenerate_id(true);
    }
}

function show_settings(): void
{
    session_start();
    $name = (string) ($_SESSION['name'] ?? '');
    remember_page('/settings');
    echo '<h1>Settings for ' . htmlspecialchars($name) . '</h1>';
}

function sign_out(): void
{
    session_start();
    if (($_POST['csrf'] ?? '') === ($_SESSION['csrf'] ?? null)) {
        log_out();
    }
    echo 'Signed out';
}

function keep_alive(Auth $auth): void
{
    session_start();
    if (!empty($_SESSION['user_id'])) {
        $auth->refresh();
    }
    echo 'ok';
}

function cancel(): void
{
    session_start();
    $draft = $_SESSION['draft'] ?? null;
    session_abort();
    echo json_encode(['discarded' => $draft !== null]);
}
