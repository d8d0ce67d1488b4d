<?php
// Defines the root only when no entry script did, from a call the analysis cannot know.
if (!defined('APP_INC')) define('APP_INC', canonical_path(dirname(__FILE__) . '/../') . '/');

function canonical_path(string $path): string
{
    return (string) realpath($path);
}

session_start();
$_SESSION['seen'] = time();
