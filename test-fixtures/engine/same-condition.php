<?php
// The same unchanged condition tested twice gives the same answer both times: a session
// opened under `if ($need)` is closed under the next `if ($need)`, and a close and a reopen
// under the same `!defined('X')` leave it open. A variable changed between the tests (assigned,
// passed to a call that may take it by reference) is a new question.
declare(strict_types=1);

function need_flag(): void
{
    $need = session_status() === PHP_SESSION_NONE;
    if ($need) {
        session_start();
    }
    // Entered closed (as probes are), `$need` is true: the status test is kept with the variable.
    probe(); // @state: open
    if ($need) {
        probe(); // @state: open
        session_write_close();
    }
    probe(); // @state: closed
}

function negated_flag(bool $cached): void
{
    $skip = $cached;
    if (!$skip) {
        session_start();
    }
    if (empty($skip)) {
        session_write_close();
    }
    probe(); // @state: closed
}

function close_and_reopen_unless_defined(): void
{
    session_start();
    if (!defined('TESTSUITE')) {
        session_write_close();
    }
    probe(); // @state: maybe-open
    if (!defined('TESTSUITE')) {
        session_start();
    }
    probe(); // @state: open
}

function flag_set_with_the_open(bool $wanted): void
{
    $started = false;
    if ($wanted) {
        session_start();
        $started = true;
    }
    probe(); // @state: maybe-open
    if ($started) {
        session_write_close();
    }
    probe(); // @state: closed
}

function compared_to_a_literal(string $mode): void
{
    if ($mode === 'write') {
        session_start();
    }
    if ($mode !== 'write') {
        return;
    }
    probe(); // @state: open
}

function reassigned_between(bool $a): void
{
    $flag = $a;
    if ($flag) {
        session_start();
    }
    $flag = !$flag;
    if ($flag) {
        probe(); // @state: maybe-open
    }
}

function passed_to_a_call_between(bool $a): void
{
    $flag = $a;
    if ($flag) {
        session_start();
    }
    change($flag);
    if ($flag) {
        probe(); // @state: maybe-open
    }
}

function taken_by_reference(bool $a): void
{
    $flag = $a;
    $alias = &$flag;
    if ($flag) {
        session_start();
    }
    $alias = !$alias;
    if ($flag) {
        probe(); // @state: maybe-open
    }
}

function defined_between(): void
{
    session_start();
    if (!defined('LOCAL_MODE')) {
        session_write_close();
    }
    define('LOCAL_MODE', true);
    if (!defined('LOCAL_MODE')) {
        session_start();
    }
    probe(); // @state: maybe-open
}

function changed_in_a_loop(array $items): void
{
    $open = false;
    foreach ($items as $item) {
        if (!$open) {
            session_start();
            $open = true;
        }
        probe(); // @state: open
    }
    if ($open) {
        session_write_close();
    }
    probe(); // @state: closed
}
