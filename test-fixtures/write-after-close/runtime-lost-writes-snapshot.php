<?php
// Also run for real (rules/test/fix-runtime.test.ts, with php-cgi): the page closes the session
// before its slow part (so neither request waits), flushes its response, and then changes the
// session in three places, each in its own block: before the fix every change is lost. The fix
// closes with a snapshot instead, switches the cookie and the cache limiter off right after it,
// and saves only the changed keys once after the last write: both requests' keys are saved,
// and the cart request `a` removed stays removed.
declare(strict_types=1);

session_start();
$user = (string) ($_SESSION['user'] ?? 'guest');
$cart = (array) ($_SESSION['cart'] ?? []);
$request = (string) ($_GET['req'] ?? 'x');
session_write_close();
while (!file_exists((string) ($_GET['go'] ?? ''))) {
    touch((string) ($_GET['ready'] ?? ''));
    usleep(20000);
}
echo 'done ' . $request;
flush();
$_SESSION['seen_' . $request] = $user; // expect: write-after-close
if (count($cart) > 0) {
    $_SESSION['items_' . $request] = count($cart);
}
if ($request === 'a') {
    unset($_SESSION['cart']);
}
