<?php
// A helper defines the page constant on some paths only (when the request names a page):
// after it, the constant may be defined, whatever the page knew before the call, so the page
// goes on past its redirect test and renders with the lock held.
declare(strict_types=1);

function read_request(): void
{
    if (isset($_GET['file'])) {
        define('PAGE_NAME', (string) $_GET['file']);
    }
    define('PAGE_TITLE', 'Home');
}

session_start(); // expect: prefer-read-and-close
read_request();
if (!defined('PAGE_NAME')) {
    header('Location: /home');
    exit;
}
echo '<h1>' . htmlspecialchars(PAGE_TITLE) . '</h1>';
