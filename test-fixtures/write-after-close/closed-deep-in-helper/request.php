<?php
// Reads the page id from the request; a missing id redirects, and the redirect helper closes
// the session (and, in the test suite, returns instead of exiting).
declare(strict_types=1);

function page_id(): string
{
    $id = (string) ($_REQUEST['id'] ?? '');
    if ($id === '') {
        redirect_to('/');
    }
    return $id;
}

function redirect_to(string $url): void
{
    session_write_close();
    header('Location: ' . $url);
    if (defined('UNDER_TEST')) {
        return;
    }
    exit;
}
