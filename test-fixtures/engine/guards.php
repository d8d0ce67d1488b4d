<?php
// "Start the session unless it is active" guards: whatever the state before the guard, the
// session is open after it. Without understanding the guard an engine would say maybe-open.
declare(strict_types=1);

function status_none(): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
    probe(); // @state: open
}

function status_not_active(bool $early): void
{
    if ($early) {
        session_start();
    }
    probe(); // @state: maybe-open
    if (session_status() !== PHP_SESSION_ACTIVE) {
        session_start();
    }
    probe(); // @state: open
}

function id_empty(): void
{
    if (session_id() === '') {
        session_start();
    }
    probe(); // @state: open
}

function not_id(): void
{
    if (!session_id()) {
        session_start();
    }
    probe(); // @state: open
}

function guard_without_braces(): void
{
    if (session_status() === PHP_SESSION_NONE) session_start();
    probe(); // @state: open
}

function guard_when_already_open(): void
{
    session_start();
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
    probe(); // @state: open
    session_write_close();
    probe(); // @state: closed
}

function guard_inside_loop(array $events): void
{
    foreach ($events as $event) {
        if (session_status() === PHP_SESSION_NONE) {
            session_start();
        }
        probe(); // @state: open
    }
    probe(); // @state: maybe-open
}
