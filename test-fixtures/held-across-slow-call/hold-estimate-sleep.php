<?php
// The message says how long the session stays locked when the code spells it out: a literal
// sleep, a `usleep()` in microseconds, and a sleep computed at run time (no estimate).
declare(strict_types=1);

function resend_code(): void
{
    session_start();
    $_SESSION['code_sent_at'] = time();
    sleep(5); // expect: held-across-slow-call "stays locked for up to 5 s, so this user's other requests wait that long\.$"
}

function throttle(): void
{
    session_start();
    $_SESSION['hits'] = (int) ($_SESSION['hits'] ?? 0) + 1;
    usleep(250000); // expect: held-across-slow-call "for up to 250 ms"
}

function back_off(int $attempt): void
{
    session_start();
    $_SESSION['attempt'] = $attempt;
    sleep($attempt * 2); // expect: held-across-slow-call "waits until the sleep ends\.$"
}
