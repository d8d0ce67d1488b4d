<?php
// Loops run to a fixpoint: the state at the top of a body joins the entry state with the state at
// the end of the body; the state after the loop joins "never entered" with every exit.
declare(strict_types=1);

function reopen_per_iteration(array $jobs): void
{
    foreach ($jobs as $job) {
        probe(); // @state: closed
        session_start();
        probe(); // @state: open
        session_write_close();
    }
    probe(); // @state: closed
}

function body_opens_once(array $items): void
{
    foreach ($items as $item) {
        probe(); // @state: maybe-open
        if (session_status() === PHP_SESSION_NONE) {
            session_start();
        }
        probe(); // @state: open
    }
    probe(); // @state: maybe-open
}

function body_closes(): void
{
    session_start();
    while (has_more_work()) {
        probe(); // @state: maybe-open
        session_write_close();
        probe(); // @state: closed
    }
    probe(); // @state: maybe-open
}

function do_while_closes(): void
{
    session_start();
    do {
        probe(); // @state: maybe-open
        session_write_close();
    } while (has_more_work()); // @state: closed
    probe(); // @state: closed
}

function for_loop_opens(int $n): void
{
    for ($i = 0; $i < $n; $i++) {
        session_start();
        probe(); // @state: open
    }
    probe(); // @state: maybe-open
}

function while_true_exits_only_by_break(): void
{
    while (true) {
        session_start();
        if (claim_next_job()) {
            break;
        }
        session_write_close();
    }
    probe(); // @state: open
}

function continue_skips_rest(array $rows): void
{
    foreach ($rows as $row) {
        session_start();
        if ($row === null) {
            session_abort();
            continue;
        }
        probe(); // @state: open
        session_write_close();
    }
    probe(); // @state: closed
}

function open_before_loop_untouched(array $rows): void
{
    session_start();
    foreach ($rows as $row) {
        probe(); // @state: open
    }
    probe(); // @state: open
}
