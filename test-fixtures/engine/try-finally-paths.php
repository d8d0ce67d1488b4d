<?php
// Precise finally: the finally block joins every way into it (normal end, return, exception), but
// only the normal end continues after the try statement.
declare(strict_types=1);

function return_in_try_runs_finally(bool $cached): void
{
    session_start();
    try {
        if ($cached) {
            return;
        }
        session_write_close();
    } finally {
        probe(); // @state: maybe-open
    }
    probe(); // @state: closed
}

function throw_in_try_skips_rest(bool $invalid): void
{
    try {
        if ($invalid) {
            session_start();
            throw new DomainException('invalid');
        }
    } finally {
        probe(); // @state: maybe-open
    }
    probe(); // @state: closed
}
