<?php
// helper-reaches-two-kinds, fixed: the session is closed before the helper runs, and reopened
// to record the result.
declare(strict_types=1);

function send_test_mail(string $to): bool
{
    $ch = curl_init('https://login.example.com/oauth2/token');
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $token = (string) curl_exec($ch);
    return mail($to, 'Test', 'It works.', ['X-Token' => $token]);
}

session_start();
$to = (string) ($_SESSION['email'] ?? '');
session_write_close();
$sent = send_test_mail($to);
session_start();
$_SESSION['test_mail_sent'] = $sent;
session_write_close();
