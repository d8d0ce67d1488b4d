<?php
// A call made on the result of another call is named by the calls, with their arguments left
// out (Froxlor's `Customers::getLocal($userinfo, Request::postAll())->add()`), never by an
// expression cut in the middle of an argument list.
final class Customers
{
    public static function getLocal(array $user, array $params): self
    {
        return new self();
    }

    public function add(): void
    {
        mail('new-customer@example.com', 'Welcome', 'Your account is ready.');
    }
}

session_start();
Customers::getLocal((array) $_SESSION['user'], ['name' => (string) $_POST['name'], 'email' => (string) $_POST['email']])->add(); // expect: held-across-slow-call "across `Customers::getLocal\(…\)->add\(\)`, which reaches `mail\(\)`"
