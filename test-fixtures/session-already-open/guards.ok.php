<?php
// Every spelling of "start unless it is active" after the session was already opened: the
// guarded session_start() is never reached with the session open, so nothing is reported.
declare(strict_types=1);

function ensure_session(): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
}

function record_visit(string $page): void
{
    ensure_session();
    ensure_session();
    if (session_status() !== PHP_SESSION_ACTIVE) {
        session_start();
    }
    if (session_id() === '') {
        session_start();
    }
    if (!session_id()) {
        session_start();
    }
    $_SESSION['visits'][$page] = ($_SESSION['visits'][$page] ?? 0) + 1;
    session_write_close();
}
