<?php
// Included by a.php and b.php, which each declare load_data() and notify(): from here either
// may run, so only what both do counts. Both load_data() call a remote service; only one
// notify() sends mail, so that is not reported; only one finish() closes the session, so the
// session is still taken to be open at the sleep.
function refresh()
{
    session_start();
    $_SESSION['data'] = load_data(); // expect: held-across-slow-call
    notify();
}

function save_and_wait()
{
    session_start();
    $_SESSION['saved'] = time();
    finish();
    sleep(1); // expect: held-across-slow-call
}
