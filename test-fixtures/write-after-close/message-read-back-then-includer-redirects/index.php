<?php
// The twin of message-read-back-in-included-page: after the login page the front page sends
// the client on to another page, which would show the message stored in the closed session:
// that message is lost (a lost flash).
session_start();
if (empty($_SESSION['user'])) {
    include __DIR__ . '/logon.php';
    header('Location: /welcome.php');
    exit;
}
echo 'Welcome back';
