<?php
// Near miss of cookie-setting-at-php-default.ok.php: the project turns the session cookie off
// itself (the cache limiter stays on), so `stop_session()` really closes, and the reopen after
// the flush fails: PHP still has a cache-limiter header to send ("headers already sent").
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

function stop_session(): void
{
    if (!ini_bool('session.use_cookies')) {
        session_write_close();
    }
}

ini_set('session.use_cookies', '0');
session_start();
$_SESSION['query'] = (string) ($_GET['sql'] ?? '');
stop_session();
echo '<p>running</p>';
flush();
restart_session(); // expect: reopen-after-output
$_SESSION['last_query_at'] = time();
