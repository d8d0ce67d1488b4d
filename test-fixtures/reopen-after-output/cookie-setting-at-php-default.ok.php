<?php
// Adminer's helpers: `stop_session()` closes and `restart_session()` reopens only when
// `session.use_cookies` is off. php.ini is not part of the project, so a request starts with
// PHP's default (cookies on) until the code changes it: here nothing does, so the session is
// never closed or reopened by them, and the reopen "after output" is a call that does nothing.
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

session_start();
$_SESSION['query'] = (string) ($_GET['sql'] ?? '');
stop_session();
echo '<p>running</p>';
flush();
restart_session();
$_SESSION['last_query_at'] = time();
