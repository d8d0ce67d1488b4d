<?php
// The counterpart of corpus-pure-wrapper-restart-stop.ok.php: the session cookie is switched on
// and `stop_session()` is called without `$force`, so `ini_bool('session.use_cookies')` is true
// in both helpers: `stop_session()` closes nothing and the remote fetches run with the lock held.
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
ini_set('session.use_cookies', '1');
session_start();
stop_session();
restart_session();
$_SESSION['last'] = time();
stop_session();
session_write_close();
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');
foreach ((array) ($_GET['urls'] ?? []) as $url) { // expect: held-across-slow-call@warning
    echo file_get_contents('https://feeds.example.com/' . rawurlencode((string) $url));
    flush();
}
restart_session();
if (session_status() === PHP_SESSION_NONE) {
    session_start();
}
$_SESSION['done'] = true;
session_write_close();
stop_session();
