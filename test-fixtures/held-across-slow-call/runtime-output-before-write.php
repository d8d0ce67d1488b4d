<?php
// Also run for real (rules/test/fix-runtime.test.ts, with php-cgi): the response is printed and
// flushed before the session write, so a plain reopen there would fail (headers are sent). The
// fix switches the cookie and the cache limiter off right after its early close, and the write
// after the flush is saved.
declare(strict_types=1);

session_start();
$user = (string) ($_SESSION['user'] ?? 'guest');
$request = (string) ($_GET['req'] ?? 'x');
while (!file_exists((string) ($_GET['go'] ?? ''))) { // expect: held-across-slow-call
    touch((string) ($_GET['ready'] ?? ''));
    usleep(20000);
}
echo 'done ' . $request;
flush();
$_SESSION['seen_' . $request] = $user;
