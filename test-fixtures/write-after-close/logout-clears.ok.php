<?php
// The logout idioms that empty $_SESSION after (or before) the destroy: nothing is meant to be
// saved, so nothing is reported.
declare(strict_types=1);

function log_out(): void
{
    session_start();
    session_destroy();
    $_SESSION = [];
    header('Location: /');
}

function log_out_everywhere(PDO $db): void
{
    session_start();
    $userId = (int) ($_SESSION['user_id'] ?? 0);
    session_unset();
    session_destroy();
    $db->prepare('DELETE FROM remember_tokens WHERE user_id = ?')->execute([$userId]);
    header('Location: /');
}
