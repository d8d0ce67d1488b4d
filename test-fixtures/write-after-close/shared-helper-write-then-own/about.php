<?php
// A page that closes the session early, then records itself in the history (history.php).
declare(strict_types=1);
require_once __DIR__ . '/history.php';

session_start();
$user = (string) ($_SESSION['user'] ?? 'guest');
session_write_close();
remember_page('about');
echo "Hello, " . htmlspecialchars($user);
