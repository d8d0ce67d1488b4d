<?php
// The helper defines other constants, never the page constant: the page, which starts with
// it undefined, always redirects and exits at its test, and the lock is never held across
// the render (nothing to report).
declare(strict_types=1);

function read_request(): void
{
    define('PAGE_TITLE', 'Home');
}

session_start();
read_request();
if (!defined('PAGE_NAME')) {
    header('Location: /home');
    exit;
}
echo '<h1>' . htmlspecialchars(PAGE_TITLE) . '</h1>';
