<?php
// try/catch/finally: a catch block can be entered from any point of the try block, and a finally
// block runs on every path out of the try, so a close in finally closes on all of them.
declare(strict_types=1);

function catch_sees_open(): void
{
    session_start();
    try {
        sync_profile();
    } catch (Throwable $e) {
        probe(); // @state: open
    }
    probe(); // @state: open
}

function catch_sees_maybe_open(bool $readOnly): void
{
    session_start();
    try {
        if ($readOnly) {
            session_write_close();
        }
        sync_profile();
    } catch (Throwable $e) {
        probe(); // @state: maybe-open
    }
    probe(); // @state: maybe-open
}

function close_in_try_and_catch(): void
{
    session_start();
    try {
        sync_profile();
        session_write_close();
    } catch (RuntimeException $e) {
        session_abort();
    }
    probe(); // @state: closed
}

function finally_closes(): void
{
    session_start();
    try {
        sync_profile();
    } finally {
        probe(); // @state: open
        session_write_close();
    }
    probe(); // @state: closed
}

function finally_closes_after_catch(): void
{
    session_start();
    try {
        sync_profile();
    } catch (Throwable $e) {
        log_error($e);
    } finally {
        session_write_close();
    }
    probe(); // @state: closed
}

function open_inside_try(): void
{
    try {
        session_start();
        probe(); // @state: open
    } finally {
        session_write_close();
    }
    probe(); // @state: closed
}

function catch_rethrows(): void
{
    session_start();
    try {
        sync_profile();
    } catch (Throwable $e) {
        session_abort();
        throw $e;
    }
    probe(); // @state: open
}
