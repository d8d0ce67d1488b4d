<?php
// Facts of PHP itself: session_destroy() forgets the session id (php-src frees PS(id)), so a
// `session_id()` test after it sees no id; a wrapper that starts the session unless
// `session_status()` says it is active leaves it open whatever the state before the call.
declare(strict_types=1);

function ensure_session(): void
{
    if (session_status() !== PHP_SESSION_ACTIVE) {
        session_start();
    }
}

function ensure_session_early_return(): void
{
    if (session_status() === PHP_SESSION_ACTIVE) {
        return;
    }
    session_start();
}

function id_after_destroy(): void
{
    session_start();
    session_destroy();
    if (session_id()) {
        probe(); // @state: unreachable
        return;
    }
    session_start();
    probe(); // @state: open
}

function empty_id_after_destroy(): void
{
    session_start();
    session_destroy();
    if (session_id() === '') {
        session_start();
    }
    probe(); // @state: open
}

function id_after_write_close(): void
{
    session_start();
    session_write_close();
    if (session_id() === '') {
        session_start();
    }
    probe(); // @state: maybe-open
}

function id_before_any_start(): void
{
    if (session_id()) {
        return;
    }
    session_start();
    probe(); // @state: open
}

function wrapper_after_maybe_open(bool $early): void
{
    if ($early) {
        session_start();
    }
    ensure_session();
    probe(); // @state: open
}

function wrapper_after_close(): void
{
    session_start();
    session_write_close();
    ensure_session_early_return();
    probe(); // @state: open
}
