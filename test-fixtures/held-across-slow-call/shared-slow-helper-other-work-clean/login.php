<?php
// Logs in: the session is closed before the password is hashed (see lib.php).
declare(strict_types=1);
require_once __DIR__ . '/lib.php';

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
$hash = hash_password((string) ($_POST['password'] ?? ''));
