<?php
// Observium's shape: the front page includes the login page for a visitor who is not signed
// in, then ends the request. The login page closes the session (its form helper caches what it
// needs), then stores a message it got in the URL in the closed session, shows it and removes it
// (reopening the session to do so): the stored copy was never needed by a later request.
session_start();
if (empty($_SESSION['user'])) {
    include __DIR__ . '/logon.php';
    exit;
}
echo 'Welcome back';
