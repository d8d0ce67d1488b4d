<?php
// A class named in a string literal: `'App\\Store'` is the class `App\Store` (the `\\` is one backslash).
namespace App;

class Store
{
    public function __construct()
    {
        session_start();
        $_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
    }
}

$class = 'App\\Store';
$store = new $class();
$feed = file_get_contents('https://example.com/feed.xml'); // expect: held-across-slow-call "file_get_contents"
echo $feed;
