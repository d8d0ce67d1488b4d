<?php
// The session is opened by a same-file helper; the page that calls it reads and renders but never
// writes. The finding is at the session_start() inside the helper, the only place to change.
declare(strict_types=1);

function current_user(): array
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start(['read_and_close' => true]); // expect: prefer-read-and-close
    }
    return $_SESSION['user'] ?? ['name' => 'guest', 'roles' => []];
}

$user = current_user();
$isAdmin = in_array('admin', $user['roles'], true);

echo '<nav>' . htmlspecialchars($user['name']) . ($isAdmin ? ' (admin)' : '') . '</nav>';
