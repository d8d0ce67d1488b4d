<?php
// Logout with a flash message: session_destroy() forgets the session id (php-src frees it), so
// the `session_id() === ''` guard does reopen a session and the write is saved. The near miss
// with session_write_close(), which keeps the id, is session-id-guard-after-close.php.
declare(strict_types=1);

session_start();
$_SESSION = [];
session_destroy();
if (session_id() === '') {
    session_start();
}
$_SESSION['flash'] = 'You have been signed out.';
session_write_close();
header('Location: /login.php');
