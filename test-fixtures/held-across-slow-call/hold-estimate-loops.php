<?php
// Loops bound the hold when their header says how long they run: a literal number of rounds
// times a literal sleep, a deadline in the loop condition, a `break` on a deadline at the top
// of an endless loop. A loop the code does not bound holds the lock "until the loop ends".
declare(strict_types=1);

function wait_rounds(): void
{
    session_start();
    $_SESSION['waiting'] = true;
    for ($i = 0; $i < 30; $i++) { // expect: held-across-slow-call "for up to 30 s, so"
        sleep(1);
    }
}

function wait_until_deadline(string $job): void
{
    session_start();
    $_SESSION['job'] = $job;
    $start = time();
    while (time() < $start + 25) { // expect: held-across-slow-call "for up to 25 s \(the loop's deadline\)"
        if (apcu_fetch("job:{$job}") === 'done') {
            break;
        }
        usleep(500000);
    }
}

function poll_with_break(string $job): void
{
    session_start();
    $_SESSION['job'] = $job;
    $deadline = microtime(true) + 40;
    while (true) { // expect: held-across-slow-call "for up to 40 s \(the loop's deadline\)"
        if (microtime(true) >= $deadline) {
            break;
        }
        if (apcu_fetch("job:{$job}") === 'done') {
            break;
        }
        usleep(100000);
    }
}

function wait_for_flag(): void
{
    session_start();
    $_SESSION['waiting'] = true;
    while (!apcu_fetch('flag')) { // expect: held-across-slow-call "waits until the loop ends\.$"
        sleep(2);
    }
}
