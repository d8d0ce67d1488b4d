<?php
// Logout: session_destroy() ends the session, so revoking the OAuth token afterwards (a slow
// HTTP call) runs without the lock.
declare(strict_types=1);

session_start();
$refreshToken = (string) ($_SESSION['oauth_refresh_token'] ?? '');
$_SESSION = [];
session_destroy();
setcookie(session_name(), '', ['expires' => time() - 3600, 'path' => '/']);

if ($refreshToken !== '') {
    $ch = curl_init('https://auth.example.com/oauth/revoke');
    curl_setopt_array($ch, [
        CURLOPT_POST => true,
        CURLOPT_POSTFIELDS => http_build_query(['token' => $refreshToken, 'token_type_hint' => 'refresh_token']),
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_TIMEOUT => 5,
    ]);
    curl_exec($ch);
    curl_close($ch);
}

header('Location: /login.php');
