<?php
// The twin of environment-fallback-reopen.ok.php whose reopening paths run on an ordinary
// installation too: past an `&&` whose other part is a value (a long key), past a
// `function_exists()` of the project's own function, and where an optional extension (`redis`)
// is missing. The session is open again at each remote call.
function random_string($length)
{
    if (extension_loaded('openssl') && $length <= 32) {
        return openssl_random_pseudo_bytes($length);
    }
    $old = session_id();
    if ($old != '') {
        session_write_close();
    }
    session_id('seed');
    session_start();
    $_SESSION['count'] = 1;
    session_write_close();
    if ($old != '') {
        session_id($old);
        session_start();
    }
    return substr(sha1(mt_rand()), 0, $length);
}

function fast_token()
{
    return bin2hex(openssl_random_pseudo_bytes(8));
}

function random_token()
{
    if (!function_exists('fast_token')) {
        return md5(uniqid('', true));
    }
    session_start();
    $_SESSION['seeded'] = true;
    return fast_token();
}

function session_store()
{
    if (extension_loaded('redis')) {
        return 'redis';
    }
    session_start();
    $_SESSION['store'] = 'files';
    return 'files';
}

session_start();
$user = $_SESSION['user'] ?? '';
session_write_close();
$key = random_string(64);
$page = file_get_contents('https://example.com/api?key=' . $key . '&u=' . $user); // expect: held-across-slow-call@warning "when `random_string\(\)` opens it"
echo $page;
session_write_close();
$token = random_token();
$page = file_get_contents('https://example.com/api?t=' . $token); // expect: held-across-slow-call@warning "when `random_token\(\)` opens it"
echo $page;
session_write_close();
$store = session_store();
$page = file_get_contents('https://example.com/api?s=' . $store); // expect: held-across-slow-call@warning "when `session_store\(\)` opens it"
echo $page;
