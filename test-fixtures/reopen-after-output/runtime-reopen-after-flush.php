<?php
// Also run for real (rules/test/fix-runtime.test.ts, with php-cgi): the page closes the session,
// flushes its response, waits in its slow part, and reopens the session to record the visit.
// Before the fix the reopen fails ("headers already sent") and the write is lost; the fix
// switches the cookie and the cache limiter off right after the close, and then the reopen
// works: both requests' keys are saved, and neither request waits for the other.
declare(strict_types=1);

session_start();
$user = (string) ($_SESSION['user'] ?? 'guest');
$request = (string) ($_GET['req'] ?? 'x');
session_write_close();

echo 'done ' . $request;
flush();
while (!file_exists((string) ($_GET['go'] ?? ''))) {
    touch((string) ($_GET['ready'] ?? ''));
    usleep(20000);
}
session_start(); // expect: reopen-after-output
$_SESSION['seen_' . $request] = $user;
session_write_close();
