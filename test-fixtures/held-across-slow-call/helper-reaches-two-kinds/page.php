<?php
// One helper call that reaches two kinds of slow work (it fetches a token over HTTP, then sends
// the mail): one finding at the call, told from the first, naming the other where it is.
declare(strict_types=1);

function send_test_mail(string $to): bool
{
    $ch = curl_init('https://login.example.com/oauth2/token');
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $token = (string) curl_exec($ch);
    return mail($to, 'Test', 'It works.', ['X-Token' => $token]);
}

session_start();
$_SESSION['test_mail_sent'] = send_test_mail((string) ($_POST['to'] ?? '')); // expect: held-across-slow-call "also while the lock is held: `mail\(\)`, reached through `send_test_mail\(\)`"
