<?php
// The heartbeat shortcut opens the session but always ends the script with exit, so the path
// that reaches the slow call below never has the session open.
declare(strict_types=1);

if (($_GET['ping'] ?? '') === '1') {
    session_start();
    $_SESSION['last_seen_at'] = time();
    header('Content-Type: application/json');
    echo json_encode(['ok' => true]);
    exit;
}

if (isset($_GET['keepalive'])) {
    session_start();
    $_SESSION['keepalive_count'] = (int) ($_SESSION['keepalive_count'] ?? 0) + 1;
    exit(0);
}

$city = rawurlencode((string) ($_GET['city'] ?? 'Berlin'));
$ch = curl_init("https://weather.example.com/v3/current?city={$city}");
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 6]);
$weather = curl_exec($ch);
curl_close($ch);

header('Content-Type: application/json');
echo $weather ?: '{}';
