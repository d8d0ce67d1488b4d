<?php
declare(strict_types=1);

function stop_session(): void
{
    session_write_close();
    @ini_set('session.use_cookies', '0');
}

function restart_session(): void
{
    if (!ini_get('session.use_cookies')) {
        session_start();
    }
}

/** Called only from `page.php`: it is entered with what that page knows at its calls. */
function remember_queries(array $queries): void
{
    foreach ($queries as $query) {
        echo htmlspecialchars((string) $query), "\n";
        flush();
    }
    restart_session();
    $_SESSION['queries'] = [];
    stop_session();
}
