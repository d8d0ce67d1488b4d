<?php
// An export page closes the session, flushes a line of progress, and then changes the session
// in three places: all three changes are lost, and a plain reopen after the flush would fail
// (headers are sent). The fix turns the close into a snapshot close, switches the cookie and
// the cache limiter off right after it (before any output), and after the last lost write
// reopens the session once to save only the keys this request set or unset.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();

echo "Exporting…\n";
flush();
$export = file_get_contents('https://export.example/v1/users/' . $userId);
$_SESSION['last_export_at'] = time(); // expect: write-after-close
if ($export === false) {
    $_SESSION['export_errors'] = (int) ($_SESSION['export_errors'] ?? 0) + 1;
}
if ($export !== false && strlen($export) > 1000000) {
    unset($_SESSION['export_preview']);
}

echo $export === false ? 'failed' : 'done';
