<?php
// Required by the newer pages: starts the session for the whole request, the way many
// apps do in a bootstrap or front controller.
declare(strict_types=1);

require_once __DIR__ . '/db.php';

function start_app_session(): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
}

start_app_session();
