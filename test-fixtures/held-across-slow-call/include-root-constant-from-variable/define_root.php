<?php
// The include root is a constant defined from a variable that every branch sets to the same
// path (`__DIR__ . '/'`): includes written with it are followed.
function define_webroot(): void
{
    if (defined('INCLUDE_ROOT')) {
        return;
    }
    switch ($_SERVER['SERVER_NAME'] ?? '') {
        case 'localhost':
            $doc_root = 'localhost:8888/app/';
            $server_root = __DIR__ . '/';
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
