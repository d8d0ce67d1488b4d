<?php
// A factory declared in a parent class with the return type `static` returns an object of the
// class it is called on (late static binding): `RemoteFeed::create()` is a `RemoteFeed`, whose
// `refresh()` calls a remote service. Twin: `static-return-type-in-parent-self.ok.php`.
class Feed
{
    public static function create(): static
    {
        return new static();
    }
}

class RemoteFeed extends Feed
{
    public function refresh(): string
    {
        return (string) file_get_contents('https://feeds.example.com/latest');
    }
}

session_start();
$feed = RemoteFeed::create();
$_SESSION['latest'] = $feed->refresh(); // expect: held-across-slow-call
