<?php
// The bootstrap every page includes: it opens the session, and a helper writes a flash message.
declare(strict_types=1);

session_start();

function flash_info(string $text): void
{
    $_SESSION['flash'][] = $text;
}
