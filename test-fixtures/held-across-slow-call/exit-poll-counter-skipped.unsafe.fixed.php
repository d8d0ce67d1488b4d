<?php
// Twin of exit-poll-counted-rounds.php: a `continue` can skip the step, so the counter does
// not bound the loop, and the poll may go on as long as the process runs (a warning).
function wait_for_exit($process)
{
    $status = proc_get_status($process);
    $delay = 0;
    while ($status['running'] && $delay < 150000) {
        usleep(5000);
        $status = proc_get_status($process);
        if ($status['pid'] === 0) {
            continue;
        }
        $delay += 5000;
    }
    return $status;
}

session_start();
session_write_close();
wait_for_exit($GLOBALS['process']); // expect: held-across-slow-call@warning "until the loop ends"
session_start();
$_SESSION['checked'] = time();
session_write_close();
