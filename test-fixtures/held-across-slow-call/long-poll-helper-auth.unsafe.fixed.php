<?php
// Long-poll endpoint: the session is opened inside a same-file helper (auth()) and then held by a
// while (true) + sleep(1) loop, so every other request of this user waits up to 25 s on the lock.
declare(strict_types=1);

const POLL_TIMEOUT_SECONDS = 25;

function auth(): int
{
    session_start(['read_and_close' => true]); // expect: prefer-read-and-close
    if (empty($_SESSION['user_id'])) {
        http_response_code(401);
        header('Content-Type: application/json');
        echo json_encode(['error' => 'not_authenticated']);
        exit;
    }

    return (int) $_SESSION['user_id'];
}

function pending_notifications(int $userId, int $afterId): array
{
    $queue = apcu_fetch("notifications:{$userId}");
    if (!is_array($queue)) {
        return [];
    }

    return array_values(array_filter($queue, static fn (array $n): bool => $n['id'] > $afterId));
}

$userId = auth();
$afterId = (int) ($_GET['after'] ?? 0);
$deadline = time() + POLL_TIMEOUT_SECONDS;

header('Content-Type: application/json');
header('Cache-Control: no-store');

session_write_close();
while (true) { // expect: held-across-slow-call
    $items = pending_notifications($userId, $afterId);
    if ($items !== [] || time() >= $deadline) {
        echo json_encode(['items' => $items, 'server_time' => time()]);
        break;
    }
    sleep(1);
}
