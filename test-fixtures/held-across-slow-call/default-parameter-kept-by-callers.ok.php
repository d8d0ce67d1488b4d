<?php
// The widget fetches a plugin feed only when it is given a plugin name, and no caller in the
// project passes one: the remote call never runs while the session is open.
declare(strict_types=1);

function render_widget(string $plugin = ''): string
{
    session_start();
    $user = (string) ($_SESSION['user'] ?? '');
    $feed = '';
    if ($plugin !== '') {
        $feed = (string) file_get_contents('https://plugins.example.com/feed?name=' . urlencode($plugin));
    }
    $_SESSION['widget_seen'] = time();
    session_write_close();
    return htmlspecialchars($user) . $feed;
}

echo render_widget();
