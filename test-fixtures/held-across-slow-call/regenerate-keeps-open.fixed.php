<?php
// session_regenerate_id() and session_reset() keep the session open; the "new sign-in" mail sent
// after them still runs with the lock held.
declare(strict_types=1);

session_start();
if (($_POST['csrf'] ?? '') !== ($_SESSION['csrf'] ?? null)) {
    session_reset();
    http_response_code(400);
    exit;
}

session_regenerate_id(true);
$_SESSION['user_id'] = (int) $_POST['user_id'];
$_SESSION['signed_in_at'] = time();

session_write_close();
mail((string) $_POST['email'], 'New sign-in', 'A new sign-in to your account was recorded from ' . ($_SERVER['REMOTE_ADDR'] ?? 'an unknown address') . '.'); // expect: held-across-slow-call

header('Location: /');
