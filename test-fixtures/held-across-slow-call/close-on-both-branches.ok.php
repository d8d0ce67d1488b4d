<?php
// Both branches release the session (write on POST, abort on GET) before the slow call, so the
// lock is closed on every path that reaches it.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $_SESSION['newsletter_opt_in'] = isset($_POST['opt_in']);
    session_write_close();
} else {
    // Nothing changed on a GET: release the lock without rewriting the data.
    session_abort();
}

$ch = curl_init('https://lists.example.com/api/members/' . $userId);
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 5]);
$member = curl_exec($ch);
curl_close($ch);

header('Content-Type: application/json');
echo $member ?: '{}';
