<?php
// Also run for real (rules/test/fix-runtime.test.ts, with php-cgi): after its slow part the
// page writes the session in three places, one of them after flushing its response, and one
// request (`a`) removes the cart. Reopening around each write would take the lock three times,
// so the fix closes the session with a snapshot and, after the last write, saves only the keys
// this request set or unset: both requests' keys survive, and request `b`, which never touched
// the cart, does not put back the cart `a` removed.
declare(strict_types=1);

session_start();
$user = (string) ($_SESSION['user'] ?? 'guest');
$cart = (array) ($_SESSION['cart'] ?? []);
$request = (string) ($_GET['req'] ?? 'x');
while (!file_exists((string) ($_GET['go'] ?? ''))) { // expect: held-across-slow-call
    touch((string) ($_GET['ready'] ?? ''));
    usleep(20000);
}
$_SESSION['seen_' . $request] = $user;
echo 'done ' . $request;
flush();
if (count($cart) > 0) {
    $_SESSION['items_' . $request] = count($cart);
}
if ($request === 'a') {
    unset($_SESSION['cart']);
}
