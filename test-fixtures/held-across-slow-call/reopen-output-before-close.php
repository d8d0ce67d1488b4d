<?php
// Output is flushed while the session is still open, before the slow call: a close there comes
// too late to switch the cookie off, so a reopen after the slow call would fail. The reopening
// fix is only shown (display-only), never applied.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
echo 'Preparing your report…';
flush();
$report = file_get_contents('https://reports.example.com/v1/users/' . $userId); // expect: held-across-slow-call
$_SESSION['report'] = $report;
