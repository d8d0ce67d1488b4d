<?php
// Second-factor checks that call the vendor's servers: enygma/yubikey's `Validate::check()` asks
// YubiCloud, Duo Universal's client exchanges the code with Duo. Both are remote calls, here with
// the login session open.
declare(strict_types=1);

use Duo\DuoUniversal\Client;
use Yubikey\Validate;

function verify_yubikey(string $otp, string $secret, string $clientId): bool
{
    session_start();
    $validate = new Validate($secret, $clientId);
    $response = $validate->check($otp); // expect: held-across-slow-call "check\(\)"
    $_SESSION['mfa_ok'] = $response->success();
    return $_SESSION['mfa_ok'];
}

function verify_duo(Client $duo, string $code, string $username): bool
{
    session_start();
    $result = $duo->exchangeAuthorizationCodeFor2FAResult($code, $username); // expect: held-across-slow-call "exchangeAuthorizationCodeFor2FAResult"
    $_SESSION['mfa_ok'] = $result['preferred_username'] === $username;
    return $_SESSION['mfa_ok'];
}
