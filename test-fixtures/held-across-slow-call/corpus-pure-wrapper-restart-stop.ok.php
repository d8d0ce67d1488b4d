<?php
// Reduced from Adminer: `ini_bool()` is a pure wrapper of `ini_get()`, so `restart_session()`
// opens exactly when `stop_session()` closes (the same call, unchanged in between). After
// `stop_session(true)` switched the cookie off, every restart/stop pair is balanced and the
// slow loop runs with the session closed.
declare(strict_types=1);

function ini_bool(string $ini): bool
{
    $val = ini_get($ini);
    return preg_match('~^(on|true|yes)$~i', (string) $val) || (int) $val;
}

function restart_session(): void
{
    if (!ini_bool('session.use_cookies')) {
        session_start();
    }
}

function stop_session(bool $force = false): void
{
    $use_cookies = ini_bool('session.use_cookies');
    if (!$use_cookies || $force) {
        session_write_close();
        if ($use_cookies && @ini_set('session.use_cookies', '0') === false) {
            session_start();
        }
    }
}

session_cache_limiter('');
session_start();
stop_session(true);
restart_session();
$_SESSION['last'] = time();
stop_session();
foreach ((array) ($_GET['urls'] ?? []) as $url) {
    echo file_get_contents('https://feeds.example.com/' . rawurlencode((string) $url));
    flush();
}
restart_session();
$_SESSION['done'] = true;
stop_session();
