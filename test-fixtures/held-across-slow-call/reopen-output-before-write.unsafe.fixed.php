<?php
// The session is written after the slow call, and the page prints before that write: the
// reopen would come after output. The fix closes early, switches the cookie and the cache
// limiter off right after the close (no output has been sent yet), and reopens around the write.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');
$report = file_get_contents('https://reports.example.com/v1/users/' . $userId); // expect: held-across-slow-call
echo $report;
flush();
session_start();
$_SESSION['report_seen_at'] = time();
session_write_close();
