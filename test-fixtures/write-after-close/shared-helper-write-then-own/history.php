<?php
// A helper that records the page in the session history; both pages call it after they closed
// the session: one finding, here, counting the pages.
declare(strict_types=1);

function remember_page(string $page): void
{
    $history = $_SESSION['history'] ?? [];
    $history[] = $page;
    $_SESSION['history'] = array_slice($history, -20); // expect: write-after-close "Reached from 2 call sites \(about\.php:9 and settings\.php:11\)"
}
