<?php
// Each native API's effect on the session: which calls open (with or without the lock), which
// close, and which need an open session and keep it open.
declare(strict_types=1);

function open_and_close_apis(): void
{
    session_start();
    probe(); // @state: open
    session_write_close();
    probe(); // @state: closed
    session_start();
    session_commit();
    probe(); // @state: closed
    session_start();
    session_abort();
    probe(); // @state: closed
    session_start();
    session_destroy();
    probe(); // @state: closed
}

function keep_open_apis(): void
{
    session_start();
    session_regenerate_id(true);
    probe(); // @state: open
    session_reset();
    probe(); // @state: open
    $_SESSION['user_id'] = 42;
    $id = session_id(); // @state: open
    probe(); // @state: open
}

function read_and_close_variants(): void
{
    session_start(['read_and_close' => true]);
    probe(); // @state: closed
    session_start(['read_and_close' => true, 'cookie_httponly' => true]);
    probe(); // @state: closed
    session_start(['cookie_secure' => true]);
    probe(); // @state: open
}

function session_access_probe(): void
{
    session_start();
    $userId = intval($_SESSION['user_id'] ?? 0); // @state: open
    session_write_close();
    $again = intval($_SESSION['user_id'] ?? 0); // @state: closed
}
