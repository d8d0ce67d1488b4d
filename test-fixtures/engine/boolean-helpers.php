<?php
// A helper that closes the session only on the path where it returns false: a caller that
// tests its result knows the state on each branch (phpMyAdmin's `if (!hasDatabase()) return;`).
declare(strict_types=1);

function has_database(): bool
{
    if (($_GET['db'] ?? '') === '') {
        session_write_close();
        return false;
    }
    return true;
}

function closes_unless_true(): bool
{
    if (check()) {
        return true;
    }
    session_write_close();
}

function handler(): void
{
    session_start();
    if (!has_database()) {
        probe(); // @state: closed
        return;
    }
    probe(); // @state: open
    if (closes_unless_true()) {
        probe(); // @state: open
    } else {
        probe(); // @state: closed
    }
    probe(); // @state: maybe-open
}
