<?php
// Second-factor checks, fixed: the session is closed before the vendor's servers are asked, and
// reopened to record the result. Near miss: building Duo's URL (`createAuthUrl()`) and a
// project class named `Validate` with a `check()` of its own call no one.
declare(strict_types=1);

namespace App\Mfa;

use Duo\DuoUniversal\Client;

final class Validate
{
    public function check(string $otp): bool
    {
        return strlen($otp) === 44;
    }
}

function verify_yubikey(string $otp, string $secret, string $clientId): bool
{
    session_start();
    $userId = (int) ($_SESSION['user_id'] ?? 0);
    $ok = (new Validate())->check($otp);
    session_write_close();
    $response = (new \Yubikey\Validate($secret, $clientId))->check($otp);
    session_start();
    $_SESSION['mfa_ok'] = $ok && $response->success() && $userId > 0;
    session_write_close();
    return $_SESSION['mfa_ok'];
}

function start_duo(Client $duo, string $username): string
{
    session_start();
    $_SESSION['duo_state'] = $duo->generateState();
    $url = $duo->createAuthUrl($username, $_SESSION['duo_state']);
    session_write_close();
    $duo->healthCheck();
    return $url;
}
