<?php
// if/else and elseif chains: the state after a branch is the join of its arms (open on some
// paths and closed on others is maybe-open; the same state on every arm stays that state).
declare(strict_types=1);

function if_else_differ(bool $write): void
{
    probe(); // @state: closed
    if ($write) {
        session_start();
        probe(); // @state: open
    } else {
        session_start(['read_and_close' => true]);
        probe(); // @state: closed
    }
    probe(); // @state: maybe-open
}

function if_without_else(bool $remember): void
{
    if ($remember) {
        session_start();
    }
    probe(); // @state: maybe-open
}

function if_else_both_open(string $method): void
{
    if ($method === 'POST') {
        session_start();
        $_SESSION['last_post'] = $_POST;
    } else {
        session_start();
    }
    probe(); // @state: open
}

function elseif_chain_all_close(string $mode): void
{
    session_start();
    if ($mode === 'save') {
        session_write_close();
    } elseif ($mode === 'commit') {
        session_commit();
    } elseif ($mode === 'discard') {
        session_abort();
    } else {
        session_destroy();
    }
    probe(); // @state: closed
}

function elseif_chain_one_arm_keeps_open(string $mode): void
{
    session_start();
    if ($mode === 'save') {
        session_write_close();
    } elseif ($mode === 'reset') {
        session_reset();
        probe(); // @state: open
    } elseif ($mode === 'discard') {
        session_abort();
    }
    probe(); // @state: maybe-open
}

function nested_if(bool $signedIn, bool $admin): void
{
    if ($signedIn) {
        session_start();
        if ($admin) {
            probe(); // @state: open
            session_write_close();
        }
        probe(); // @state: maybe-open
        session_write_close();
    }
    probe(); // @state: closed
}

function maybe_open_then_closed(bool $remember): void
{
    if ($remember) {
        session_start();
    }
    session_write_close();
    probe(); // @state: closed
}

function maybe_open_then_regenerated(bool $remember): void
{
    if ($remember) {
        session_start(['read_and_close' => true]);
    } else {
        session_start();
    }
    probe(); // @state: maybe-open
    session_regenerate_id();
    probe(); // @state: maybe-open
}
