<?php
// The twin of include-root-constant-from-variable: the branches set the include root to
// different paths, so which one `INCLUDE_ROOT` is, and what its includes reach, is not known.
function define_webroot(): void
{
    if (defined('INCLUDE_ROOT')) {
        return;
    }
    switch ($_SERVER['SERVER_NAME'] ?? '') {
        case 'localhost':
            $doc_root = 'localhost:8888/app/';
            $server_root = '/srv/app-dev/';
            break;
        default:
            $doc_root = ($_SERVER['SERVER_NAME'] ?? '') . '/';
            $server_root = __DIR__ . '/';
            break;
    }
    define('WEBROOT', 'https://' . $doc_root);
    define('INCLUDE_ROOT', $server_root);
}
define_webroot();
