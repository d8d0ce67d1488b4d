<?php
// A helper that starts the session is declared inside an if (the usual function_exists guard);
// declaring it opens nothing, so the feed download at the top level runs without the lock.
declare(strict_types=1);

if (!function_exists('start_secure_session')) {
    function start_secure_session(): void
    {
        session_set_cookie_params(['secure' => true, 'httponly' => true, 'samesite' => 'Lax']);
        session_start();
    }
}

$ch = curl_init('https://status.example.com/api/v2/summary.json');
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 5]);
$summary = curl_exec($ch);
curl_close($ch);

header('Content-Type: application/json');
echo $summary ?: '{"status":"unknown"}';
