<?php
// The handler writes the session on one path only (a flash message when the form is invalid):
// it needs the lock, so read_and_close is not suggested.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
$email = trim((string) ($_POST['email'] ?? ''));

if (!filter_var($email, FILTER_VALIDATE_EMAIL)) {
    $_SESSION['flash'] = 'Please enter a valid e-mail address.';
    header('Location: /settings');
    exit;
}

echo 'Saved ' . htmlspecialchars($email) . ' for user ' . $userId;
