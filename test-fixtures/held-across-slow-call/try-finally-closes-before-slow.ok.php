<?php
// The session is closed in a finally block, so it is released on the normal path and on the
// exception path alike before the slow sync call that follows.
declare(strict_types=1);

session_start();
try {
    $userId = (int) ($_SESSION['user_id'] ?? 0);
    if ($userId === 0) {
        throw new RuntimeException('not signed in');
    }
    $_SESSION['last_sync_requested_at'] = time();
} finally {
    session_write_close();
}

$ch = curl_init('https://crm.example.com/api/contacts/' . $userId . '/sync');
curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 20]);
$result = curl_exec($ch);
curl_close($ch);

echo json_encode(['synced' => $result !== false]);
