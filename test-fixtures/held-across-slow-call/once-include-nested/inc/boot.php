<?php
// The installer check: on a fresh install it asks the update server for the latest release and
// stops. It runs once per request, from whichever file includes it first.
if (!file_exists(__DIR__ . '/config.php')) {
    $latest = get_headers('https://updates.example.com/latest.txt');
    echo 'Not installed yet; latest release: ' . htmlspecialchars((string) ($latest[0] ?? ''));
    exit;
}
