<?php
// A helper that reads the path it is given, called with a path the analysis cannot know (the
// request's, or the caller's own parameter): not slow work, as for a direct read.
declare(strict_types=1);

function read_list(string $source): array
{
    return file($source) ?: [];
}

function import_list(string $source): array
{
    session_start();
    $_SESSION['importing'] = true;
    return read_list($source);
}

session_start();
$_SESSION['list'] = (string) ($_GET['list'] ?? '');
$rows = read_list($_GET['list']);
