<?php
// A same-file helper writes the pending keys and closes the session; it runs before the slow
// call, so its summary ("closes") makes the session closed there.
declare(strict_types=1);

/** @param array<string, mixed> $changes */
function finish_session(array $changes = []): void
{
    foreach ($changes as $key => $value) {
        $_SESSION[$key] = $value;
    }
    session_write_close();
}

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
finish_session(['last_search' => (string) ($_GET['q'] ?? '')]);

$ch = curl_init('https://search.example.com/api/query?' . http_build_query(['q' => $_GET['q'] ?? '', 'user' => $userId]));
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10]);
$hits = curl_exec($ch);
curl_close($ch);

header('Content-Type: application/json');
echo $hits ?: '{"hits":[]}';
