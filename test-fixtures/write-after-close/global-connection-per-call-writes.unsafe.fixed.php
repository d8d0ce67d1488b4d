<?php
// Twin of global-singleton-init-writes.ok.php: the connection is kept in a local variable, so
// every call connects again and may store the setting, writing the session default after the
// close.
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
    $db = new PDO('mysql:host=localhost;dbname=app', 'app', 'secret');
    $zone = $db->query("SELECT value FROM settings WHERE name = 'tz'")->fetchColumn();
    if (!$zone) {
        update_setting('tz', 'UTC');
    }
    return $db;
}

session_start();
db_open();
session_write_close();
session_start();
$rows = db_open()->query('SELECT * FROM risks')->fetchAll(); // expect: write-after-close
session_write_close();
echo count($rows);
