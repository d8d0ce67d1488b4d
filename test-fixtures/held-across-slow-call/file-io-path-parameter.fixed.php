<?php
// A helper that reads the path it is given, called with a URL: remote I/O at the call, also
// through a helper that hands its own parameter on (one cause: one finding, two call sites).
declare(strict_types=1);

function read_feed(string $source): array
{
    return file($source) ?: []; // expect: held-across-slow-call@warning "`file\(\)` on a URL.*Reached from 2 call sites"
}

function read_cached(string $source): array
{
    return read_feed($source);
}

session_start();
$_SESSION['feed'] = 'news';
$news = read_feed('https://news.example.com/feed.txt');
session_write_close();

session_start();
$_SESSION['weather'] = 'today';
session_write_close();
$weather = read_cached('https://weather.example.com/today.txt');
