<?php
// The helpers of closure-captured-callable.php, where the closure runs after the session is
// closed, or runs a callable the helper chose itself (`$work` assigned before `use`): the
// callers' slow work is not held.
function with_retry(callable $attempt): bool
{
    for ($i = 0; $i < 3; $i++) {
        if ($attempt()) {
            return true;
        }
    }
    return false;
}

function retry_after_close(callable $work): void
{
    session_start();
    $_SESSION['tries'] = 0;
    session_write_close();
    $run = function () use ($work) {
        return $work();
    };
    with_retry($run);
}

function own_work(callable $work): void
{
    $work = 'strlen';
    session_start();
    $run = fn () => $work('x');
    call_user_func($run);
    session_write_close();
}

retry_after_close(function () {
    return file_get_contents('https://api.example.com/status');
});
own_work(function () {
    sleep(5);
});
