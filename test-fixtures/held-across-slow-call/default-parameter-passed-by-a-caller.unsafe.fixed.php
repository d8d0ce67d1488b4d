<?php
// Near miss of default-parameter-kept-by-callers.ok.php: one caller passes a plugin name, so
// the remote call can run while the session is open.
declare(strict_types=1);

function render_widget(string $plugin = ''): string
{
    session_start();
    $user = (string) ($_SESSION['user'] ?? '');
    $feed = '';
    if ($plugin !== '') {
        session_write_close();
        $feed = (string) file_get_contents('https://plugins.example.com/feed?name=' . urlencode($plugin)); // expect: held-across-slow-call
    }
    session_start();
    $_SESSION['widget_seen'] = time();
    session_write_close();
    return htmlspecialchars($user) . $feed;
}

echo render_widget();
echo render_widget('news');
