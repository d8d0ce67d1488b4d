<?php
// A random-bytes helper (phpseclib V1's crypt_random_string()) that, only where the PHP running
// it lacks OpenSSL, closes the caller's session, seeds a generator from one of its own and
// starts the caller's again. No request of an installation with OpenSSL runs those lines, so
// the page, which closed its session before calling it, holds no lock across the remote call.
function random_string($length)
{
    if (extension_loaded('openssl') && version_compare(PHP_VERSION, '5.3.0', '>=')) {
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

// The same family of probes in other shapes: a PHP older than 7 (the true outcome), a function
// PHP itself defines, a constant only newer PHP versions define.
function random_token()
{
    if (PHP_VERSION_ID < 70000 || !function_exists('random_bytes') || !defined('PHP_SESSION_ACTIVE')) {
        session_start();
        $_SESSION['seeded'] = true;
        return md5(uniqid('', true));
    }
    return bin2hex(random_bytes(8));
}

// Probes compared with a boolean, and a `version_compare()` written with the version first.
function random_salt()
{
    if (extension_loaded('sodium') === false || version_compare('7.2.0', PHP_VERSION, '>')) {
        session_start();
        $_SESSION['salted'] = true;
        return uniqid('', true);
    }
    return sodium_bin2hex(random_bytes(16));
}

session_start();
$user = $_SESSION['user'] ?? '';
session_write_close();
$key = random_string(16);
$token = random_token();
$salt = random_salt();
$page = file_get_contents('https://example.com/api?key=' . $key . '&t=' . $token . '&s=' . $salt . '&u=' . $user);
echo $page;
