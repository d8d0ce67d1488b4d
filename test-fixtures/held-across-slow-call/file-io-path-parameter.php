<?php
// A helper that reads the path it is given, called with a URL: remote I/O at the call. Called
// with the caller's own parameter, it stays a path not known here (info).
declare(strict_types=1);

function read_lines(string $source): array
{
    return file($source) ?: [];
}

function import_feed(string $source): array
{
    session_start();
    $_SESSION['importing'] = true;
    return read_lines($source); // expect: held-across-slow-call@info "`read_lines\(\)`, which reaches `file\(\)` on a path not known here"
}

session_start();
$_SESSION['feed'] = 'news';
$news = read_lines('https://news.example.com/feed.txt'); // expect: held-across-slow-call@warning "`read_lines\(\)`, which reaches `file\(\)` on a URL"
