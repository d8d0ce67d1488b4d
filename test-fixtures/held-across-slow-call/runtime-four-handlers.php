<?php
// Seed shape, also run for real (rules/test/fix-runtime.test.ts, with php-cgi): one page, four
// actions, each handler opens the session and waits in a polling loop (here until the test
// creates the `go` file) before it writes its own key. Each handler gets its own close: two
// requests for different actions on one session stop waiting for each other.
declare(strict_types=1);

function wait_for_go(): void
{
    while (!file_exists((string) ($_GET['go'] ?? ''))) {
        touch((string) ($_GET['ready'] ?? ''));
        usleep(20000); // expect: held-across-slow-call
    }
}

function handle_quote(string $request): void
{
    session_start();
    $cart = (array) ($_SESSION['cart'] ?? []);
    wait_for_go();
    $_SESSION['quote_' . $request] = count($cart);
    echo 'done ' . $request;
}

function handle_thumbnail(string $request): void
{
    session_start();
    $user = (string) ($_SESSION['user'] ?? 'guest');
    wait_for_go();
    $_SESSION['thumb_' . $request] = $user;
    echo 'done ' . $request;
}

function handle_verify(string $request): void
{
    session_start();
    $attempts = (int) ($_SESSION['attempts'] ?? 0);
    wait_for_go();
    $_SESSION['verified_' . $request] = $attempts;
    echo 'done ' . $request;
}

function handle_invoice(string $request): void
{
    session_start(); // expect: prefer-read-and-close
    $user = (string) ($_SESSION['user'] ?? 'guest');
    wait_for_go();
    echo 'done ' . $request . ' for ' . $user;
}

$request = (string) ($_GET['req'] ?? 'x');
switch ($_GET['action'] ?? '') {
    case 'quote':
        handle_quote($request);
        break;
    case 'thumbnail':
        handle_thumbnail($request);
        break;
    case 'verify':
        handle_verify($request);
        break;
    case 'invoice':
        handle_invoice($request);
        break;
}
