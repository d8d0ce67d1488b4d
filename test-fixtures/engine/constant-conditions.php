<?php
// Conditions whose value is written in the code (`false`, `0`, `null`, `true`, `1`): the
// branch they rule out is dead code, so whatever it does never reaches the code after it.
declare(strict_types=1);

function if_false(): void
{
    if (false) {
        session_start();
    }
    probe(); // @state: closed
}

function if_zero_and_more(bool $x): void
{
    if (0 && $x) {
        session_start();
    }
    probe(); // @state: closed
}

function if_true_else(): void
{
    if (TRUE) {
        session_start();
    } else {
        session_write_close();
    }
    probe(); // @state: open
}

function while_false(): void
{
    while (false) {
        session_start();
    }
    probe(); // @state: closed
}

function do_once(bool $stop): void
{
    session_start();
    do {
        if ($stop) {
            break;
        }
        session_write_close();
    } while (0);
    probe(); // @state: maybe-open
}

function disabled_block_then_real_work(): void
{
    session_start();
    if (null) {
        session_write_close();
    }
    probe(); // @state: open
}
