<?php
// Paths that leave the unit early (return, exit, die, throw) do not reach the code after them,
// so a session opened only on such a path does not show up later.
declare(strict_types=1);

function return_after_open(bool $cached): void
{
    if ($cached) {
        session_start();
        return;
    }
    probe(); // @state: closed
}

function return_before_close(bool $cached): void
{
    session_start();
    if ($cached) {
        return;
    }
    probe(); // @state: open
    session_write_close();
    probe(); // @state: closed
}

function exit_after_open(bool $ping): void
{
    if ($ping) {
        session_start();
        exit;
    }
    probe(); // @state: closed
}

function exit_with_status(bool $ping): void
{
    if ($ping) {
        session_start();
        exit(0);
    }
    probe(); // @state: closed
}

function die_after_open(bool $denied): void
{
    if ($denied) {
        session_start();
        $_SESSION['flash'] = 'Access denied';
        die('Access denied');
    }
    probe(); // @state: closed
}

function or_die(): void
{
    session_start() or die('Could not start the session');
    probe(); // @state: open
}

function throw_after_open(bool $invalid): void
{
    if ($invalid) {
        session_start();
        throw new InvalidArgumentException('invalid request');
    }
    probe(); // @state: closed
}

function throw_keeps_other_path(bool $invalid): void
{
    session_start();
    if ($invalid) {
        throw new InvalidArgumentException('invalid request');
    }
    probe(); // @state: open
}

function return_value(bool $x): bool
{
    if ($x) {
        return session_start();
    }
    probe(); // @state: closed
    return false;
}
