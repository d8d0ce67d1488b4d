<?php
// A page that records itself in the history (history.php), then closes the session: clean.
declare(strict_types=1);
require_once __DIR__ . '/history.php';

session_start();
$user = (string) ($_SESSION['user'] ?? 'guest');
remember_page('help');
session_write_close();
echo "Hello, " . htmlspecialchars($user);
