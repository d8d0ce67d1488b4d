<?php
// Long-poll endpoint of the chat: waits up to 25 s for new messages in a room.
// FLAGGED: the session opened by current_user() is still locked while the loop sleeps, so the
// user's other tabs (and their own "send message" request) wait until the poll returns.
declare(strict_types=1);

require __DIR__ . '/../lib/db.php';

const POLL_SECONDS = 25;

function current_user(): array
{
    session_start();
    if (empty($_SESSION['user'])) {
        json_response(['error' => 'not_authenticated'], 401);
        exit;
    }

    return $_SESSION['user'];
}

$user = current_user();
$roomId = (int) ($_GET['room'] ?? 0);
$afterId = (int) ($_GET['after'] ?? 0);

if (!in_array($roomId, $user['rooms'] ?? [], true)) {
    json_response(['error' => 'forbidden'], 403);
    exit;
}

$stmt = db()->prepare('SELECT id, author, body, sent_at FROM messages WHERE room_id = ? AND id > ? ORDER BY id LIMIT 100');
$deadline = time() + POLL_SECONDS;

while (true) {
    $stmt->execute([$roomId, $afterId]);
    $messages = $stmt->fetchAll();
    if ($messages !== [] || time() >= $deadline) {
        break;
    }
    sleep(1);
}

json_response(['messages' => $messages, 'user' => $user['name']]);
