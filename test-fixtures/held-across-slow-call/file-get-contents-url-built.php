<?php
// A URL built by concatenation or `sprintf()` whose first part is a URL scheme is remote I/O,
// even when the rest of it (the host, the query) is only known at run time.
declare(strict_types=1);

function fetch_avatar(string $host, string $user): string
{
    session_start();
    $_SESSION['avatar_user'] = $user;
    return (string) file_get_contents('https://' . $host . '/avatars/' . rawurlencode($user)); // expect: held-across-slow-call "on a URL"
}

function fetch_feed(string $host): array
{
    session_start();
    $_SESSION['feed_host'] = $host;
    return file(sprintf('http://%s/feed.txt', $host)) ?: []; // expect: held-across-slow-call "on a URL"
}
