<?php
// A deliberate pause, bounded by the code: `usleep($limit - $elapsed)` with `$elapsed` the time
// since an earlier clock reading sleeps at most `$limit`. Reduced from Postfix Admin
// (password-recover.php): up to 2 s, a moment for this user's other requests, is `info`, with
// how long in the message; a pause of up to 10 s stays a warning.
function recover_password(string $user): void
{
    $start_time = microtime(true);
    session_start();
    $_SESSION['recovery_user'] = $user;
    $elapsed_time = microtime(true) - $start_time;
    if ($elapsed_time < 2 * pow(10, 6)) {
        usleep((int) (2 * pow(10, 6) - $elapsed_time)); // expect: held-across-slow-call@info "for up to 2 s"
    }
}

function slow_down_login(string $user): void
{
    $started = time();
    session_start();
    $_SESSION['login_user'] = $user;
    sleep(min(10, 10 - (time() - $started))); // expect: held-across-slow-call@warning "for up to 10 s"
}
