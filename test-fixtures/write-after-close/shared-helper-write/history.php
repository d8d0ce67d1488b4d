<?php
// A helper that records the page in the session history; every page below calls it after it
// closed the session. One lost write, so one finding, here, counting the pages that call it.
declare(strict_types=1);

function remember_page(string $page): void
{
    $history = $_SESSION['history'] ?? [];
    $history[] = $page;
    $_SESSION['history'] = array_slice($history, -20); // expect: write-after-close "^This session write is lost: callers run it after they closed the session.* Reached from 3 call sites \(about\.php:9, help\.php:9 and news\.php:9\)"
}
