<?php
// SimpleRisk's db_open(): the connection is made once per request and kept in
// `$GLOBALS['db_global']`; the first call (here before the close) may store a setting, which
// writes a session default. A later call after the close returns the kept connection at once,
// so it writes nothing: the one-time code is not lent to callers that closed the session.
declare(strict_types=1);

function update_setting(string $name, string $value): void
{
    if (!isset($_SESSION['user'])) {
        $_SESSION['user'] = 'System User';
    }
    error_log("{$_SESSION['user']} set {$name} to {$value}");
}

function db_open(): PDO
{
    if (isset($GLOBALS['db_global']) && $GLOBALS['db_global']) {
        return $GLOBALS['db_global'];
    }
    $GLOBALS['db_global'] = new PDO('mysql:host=localhost;dbname=app', 'app', 'secret');
    $zone = $GLOBALS['db_global']->query("SELECT value FROM settings WHERE name = 'tz'")->fetchColumn();
    if (!$zone) {
        update_setting('tz', 'UTC');
    }
    return $GLOBALS['db_global'];
}

session_start();
db_open();
session_write_close();
$rows = db_open()->query('SELECT * FROM risks')->fetchAll();
echo count($rows);
