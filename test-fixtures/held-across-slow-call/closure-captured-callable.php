<?php
// A PHP closure sees a callable of the function around it through `use ($work)` (an arrow
// function sees it without `use`): a helper that runs its caller's work inside a closure it
// builds, and hands to a retry helper or calls itself, runs that work with the session it holds.
function with_retry(callable $attempt): bool
{
    for ($i = 0; $i < 3; $i++) {
        if ($attempt()) {
            return true;
        }
    }
    return false;
}

function locked_retry(callable $work): void
{
    session_start();
    $run = function () use ($work) {
        return $work();
    };
    with_retry($run);
    session_write_close();
}

function locked_once(callable $work): void
{
    session_start();
    $run = fn () => $work();
    call_user_func($run);
    session_write_close();
}

locked_retry(function () { // expect: held-across-slow-call
    return file_get_contents('https://api.example.com/status');
});
locked_once(function () { // expect: held-across-slow-call
    sleep(5);
});
