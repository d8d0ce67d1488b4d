<?php
// A lock released right after reading costs nothing worth a suggestion; and a file included
// while the session is open cannot be followed yet, and may write it, so that open is left alone.
declare(strict_types=1);

function show_profile(PDO $db): void
{
    session_start();
    $userId = (int) ($_SESSION['user_id'] ?? 0);
    session_write_close();

    $stmt = $db->prepare('SELECT name, bio FROM users WHERE id = ?');
    $stmt->execute([$userId]);
    echo json_encode($stmt->fetch(PDO::FETCH_ASSOC));
}

session_start();
require __DIR__ . '/../app/flash.php';
echo '<p>' . htmlspecialchars((string) ($_SESSION['name'] ?? '')) . '</p>';
