<?php
// The session is closed early only for GET requests; a POST reaches the slow call with the lock
// still held, so the session is maybe-open there and the call is reported.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $_SESSION['newsletter_opt_in'] = isset($_POST['opt_in']);
} else {
    // Read-only request: release the lock before talking to the mailing-list service.
    session_write_close();
}

$ch = curl_init('https://lists.example.com/api/members/' . $userId);
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 5]);
session_write_close();
$member = curl_exec($ch); // expect: held-across-slow-call
curl_close($ch);

header('Content-Type: application/json');
echo $member ?: '{}';
