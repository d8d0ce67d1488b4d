<?php
// A page calls the app's bootstrap, which already starts the session, and then starts it again
// out of habit. PHP ignores the second call with a notice; the related location leads to the
// session_start() inside bootstrap().
declare(strict_types=1);

function bootstrap(): void
{
    date_default_timezone_set('UTC');
    session_start();
}

bootstrap();
if (session_status() === PHP_SESSION_NONE) {
    session_start(); // expect: session-already-open "^`session_start\(\)` while the session is already open \(opened on line 13\)"
}
$_SESSION['last_page'] = '/settings';
$theme = (string) ($_SESSION['theme'] ?? 'light');
session_write_close();

echo '<body class="theme-' . htmlspecialchars($theme) . '">Settings</body>';
