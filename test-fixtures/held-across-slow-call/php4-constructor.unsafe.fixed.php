<?php
// A PHP 4 constructor: a method named like its class, in a class without __construct and
// outside any namespace, runs on `new`.
class Feed
{
    var $items;

    function Feed($url)
    {
        $this->items = file_get_contents($url);
    }
}

session_start();
session_write_close();
$feed = new Feed('https://example.com/feed.xml'); // expect: held-across-slow-call
session_start();
$_SESSION['items'] = $feed->items;
session_write_close();
