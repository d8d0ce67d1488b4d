<?php
// Already done, with the options the page passes merged in (as the fix writes it): an array
// union keeps the left side's keys, so `read_and_close` holds whatever `$options` has.
declare(strict_types=1);

function show_theme(array $options): void
{
    session_start(['read_and_close' => true] + $options);
    $theme = (string) ($_SESSION['theme'] ?? 'light');
    sleep(1);
    echo htmlspecialchars($theme);
}
