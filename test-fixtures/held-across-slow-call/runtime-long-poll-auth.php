<?php
// Seed shape, also run for real (rules/test/fix-runtime.test.ts, with php-cgi): a long-poll
// endpoint whose auth() helper opens the session, then waits in a polling loop (here until the
// test creates the `go` file), then records that this request saw the user. Two such requests
// on one session run one after the other until the fix closes the session before the loop and
// reopens it only around the write.
declare(strict_types=1);

function auth(): string
{
    session_start();
    return (string) ($_SESSION['user'] ?? 'guest');
}

$user = auth();
$request = (string) ($_GET['req'] ?? 'x');
while (!file_exists((string) ($_GET['go'] ?? ''))) { // expect: held-across-slow-call
    touch((string) ($_GET['ready'] ?? ''));
    usleep(20000);
}
$_SESSION['seen_' . $request] = $user;
echo 'done ' . $request;
