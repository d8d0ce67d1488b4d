<?php
// A read-only handler opens the session with read_and_close: the data is read and the lock is
// released at once, so the slow HTTP call after it blocks nobody.
declare(strict_types=1);

session_start(['read_and_close' => true]);
$userId = (int) ($_SESSION['user_id'] ?? 0);
$locale = (string) ($_SESSION['locale'] ?? 'en');
if ($userId === 0) {
    http_response_code(401);
    exit;
}

$ch = curl_init('https://api.example.com/v1/recommendations?' . http_build_query([
    'user' => $userId,
    'locale' => $locale,
]));
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_TIMEOUT, 8);
$json = curl_exec($ch);
curl_close($ch);

header('Content-Type: application/json');
echo $json === false ? '{"items":[]}' : $json;
