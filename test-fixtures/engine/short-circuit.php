<?php
// && / || / ?: only evaluate their right side on some paths, so a session_start() there opens
// the session on those paths only.
declare(strict_types=1);

function and_in_condition(bool $needsSession): void
{
    if ($needsSession && session_start()) {
        probe(); // @state: open
    } else {
        probe(); // @state: maybe-open
    }
    probe(); // @state: maybe-open
}

function or_in_assignment(bool $hasToken): void
{
    $authenticated = $hasToken || session_start();
    probe(); // @state: maybe-open
}

function and_statement(bool $isWrite): void
{
    $isWrite && session_start();
    probe(); // @state: maybe-open
}

function ternary(bool $lazy): void
{
    $started = $lazy ? false : session_start();
    probe(); // @state: maybe-open
}

function left_side_always_runs(bool $strict): void
{
    if (session_start() && $strict) {
        probe(); // @state: open
    }
    probe(); // @state: open
}
