<?php
// Reduced from a help desk's auto-cron image (osTicket `scp/autocron.php`): the script lifts
// its time limit with the session open, then either returns early (too soon since the last
// run) or closes the session before the cron work. The path that keeps the lock to the end
// of the request runs only PHP's own output functions after it parts from the one that
// closes, so the long work the sign announces runs without the lock.
declare(strict_types=1);

session_start();
set_time_limit(0);
ob_start();
$sec = time() - ($_SESSION['lastcroncall'] ?? 0);
if ($sec < 180) {
    return ob_end_clean();
}
$_SESSION['lastcroncall'] = time();
session_write_close();
Cron::run();
ob_end_clean();
