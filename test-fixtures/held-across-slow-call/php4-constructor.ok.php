<?php
// Not PHP 4 constructors: in a namespace a method named like its class is a plain method,
// and a class with __construct runs that one.
namespace App;

class Feed
{
    public $items = '';

    public function Feed($url)
    {
        $this->items = file_get_contents($url);
    }
}

session_start();
$feed = new Feed('https://example.com/feed.xml');
$_SESSION['items'] = $feed->items;
