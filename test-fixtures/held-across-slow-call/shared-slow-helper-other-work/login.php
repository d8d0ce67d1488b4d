<?php
// Logs in: the session is open while the password is hashed (see lib.php).
declare(strict_types=1);
require_once __DIR__ . '/lib.php';

session_start();
$_SESSION['hash'] = hash_password((string) ($_POST['password'] ?? ''));
