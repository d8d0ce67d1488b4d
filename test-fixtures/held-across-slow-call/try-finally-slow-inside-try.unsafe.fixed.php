<?php
// A finally block does close the session, but only after the slow call inside the try block has
// run with the lock held: the close comes too late.
declare(strict_types=1);

session_start();
try {
    $userId = (int) ($_SESSION['user_id'] ?? 0);
    $ch = curl_init('https://feeds.example.com/users/' . $userId . '/activity.json');
    curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 15]);
    session_write_close();
    $feed = curl_exec($ch); // expect: held-across-slow-call
    curl_close($ch);
    session_start();
    $_SESSION['activity_cache'] = $feed === false ? null : json_decode($feed, true);
    session_write_close();
} finally {
    session_write_close();
}

header('Content-Type: application/json');
echo json_encode($_SESSION['activity_cache'] ?? []);
