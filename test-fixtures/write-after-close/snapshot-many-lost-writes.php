<?php
// A report page closes the session before its slow call (right), then changes the session in
// three places, each in its own block: all three changes are lost. Reopening around each of
// them would take the lock three more times, so the fix turns the close into a snapshot close
// and, after the last lost write, reopens the session once to save only the keys this request
// set or unset (helpers inserted once in this file). One finding for the close.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();

$report = file_get_contents('https://reports.example/v1/users/' . $userId);
$_SESSION['last_report_at'] = time(); // expect: write-after-close
if ($report === false) {
    $_SESSION['report_errors'] = (int) ($_SESSION['report_errors'] ?? 0) + 1;
}
$rows = json_decode((string) $report, true);
if (!is_array($rows) || $rows === []) {
    unset($_SESSION['report_cache']);
}

echo count((array) $rows);
