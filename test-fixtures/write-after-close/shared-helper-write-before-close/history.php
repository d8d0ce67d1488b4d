<?php
// The helper of shared-helper-write/, called by pages before they close the session: the
// writes are saved, nothing is reported.
declare(strict_types=1);

function remember_page(string $page): void
{
    $history = $_SESSION['history'] ?? [];
    $history[] = $page;
    $_SESSION['history'] = array_slice($history, -20);
}
