<?php
// Near miss of long-run-early-return.ok.php: the early return first runs project work the
// analysis cannot follow (`Cron::quickRun()`), on the path that keeps the session to the end,
// so the long work the sign announces may run with the lock.
declare(strict_types=1);

session_start();
session_write_close();
set_time_limit(0); // expect: held-across-slow-call "sign that this request is expected to run long"
ob_start();
$sec = time() - ($_SESSION['lastcroncall'] ?? 0);
if ($sec < 180) {
    Cron::quickRun();
    return ob_end_clean();
}
session_start();
$_SESSION['lastcroncall'] = time();
session_write_close();
Cron::run();
ob_end_clean();
