<?php
// The streaming branch ends the request with exit, so no flush reaches the reopen below it; and
// output kept in an ob_start() buffer is not sent before the reopen either.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();

$path = "/srv/avatars/{$userId}.png";
if (isset($_GET['download'])) {
    header('Content-Type: image/png');
    readfile($path);
    exit;
}

ob_start();
echo '<img src="/avatar.php?download=1" alt="">';

session_start();
$_SESSION['avatar_viewed_at'] = time();
session_write_close();

ob_end_flush();
