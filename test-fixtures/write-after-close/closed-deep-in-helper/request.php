<?php
// Reads the page id from the request; a missing id redirects, and the redirect helper closes
// the session (and, when the configuration says so, returns instead of exiting). A test-suite
// constant no file defines would not do here: a request starts with it undefined
// (corpus-constant-tested-in-nested-helper).
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
    global $config;
    session_write_close();
    header('Location: ' . $url);
    if ($config['redirect_returns']) {
        return;
    }
    exit;
}
