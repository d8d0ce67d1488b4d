<?php
// A helper that reads the path it is given, called with a URL: remote I/O at the call. Called
// with the caller's own parameter, it stays a path not known here (info).
declare(strict_types=1);

function read_feed(string $source): array
{
    return file($source) ?: [];
}

function read_list(string $source): array
{
    return file($source) ?: [];
}

function import_list(string $source): array
{
    session_start();
    $_SESSION['importing'] = true;
    return read_list($source); // expect: held-across-slow-call@info "`read_list\(\)`, which reaches `file\(\)` on a path not known here"
}

session_start();
$_SESSION['feed'] = 'news';
session_write_close();
$news = read_feed('https://news.example.com/feed.txt'); // expect: held-across-slow-call@warning "`read_feed\(\)`, which reaches `file\(\)` on a URL"
