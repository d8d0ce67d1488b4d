<?php
// Observium's external_exec() (fresh10 G6): after the command, a poll waits for the process
// to exit in steps of 5 ms, counting itself out at 150 ms (`$delay < $delay_max` with
// `$delay += $delay_step`). The loop runs at most 30 rounds: the lock is held for 150 ms of
// sleeps at most, a short hold (`info`), not "until the loop ends".
function wait_for_exit($process)
{
    $status = proc_get_status($process);
    $delay = 0;
    $delay_step = 5000;
    $delay_max = 150000;
    while ($status['running'] && $delay < $delay_max) {
        usleep($delay_step);
        $status = proc_get_status($process);
        $delay += $delay_step;
    }
    return $status;
}

session_start();
wait_for_exit($GLOBALS['process']); // expect: held-across-slow-call@info "up to 150 ms"
$_SESSION['checked'] = time();
