<?php
// The string names `App\Cache`, which opens no session; `App\Store` does, but is not the one made.
namespace App;

class Store
{
    public function __construct()
    {
        session_start();
        $_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
    }
}

class Cache
{
    public function __construct()
    {
    }
}

$class = 'App\\Cache';
$cache = new $class();
$feed = file_get_contents('https://example.com/feed.xml');
echo $feed;
