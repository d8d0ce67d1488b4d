<?php
// Defines the root unconditionally, from a call the analysis cannot know.
define('APP_INC', canonical_path(dirname(__FILE__) . '/../') . '/');

function canonical_path(string $path): string
{
    return (string) realpath($path);
}

session_start();
$_SESSION['seen'] = time();
