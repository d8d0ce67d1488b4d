<?php
// Findings the team accepts on purpose, each suppressed with a reason: on the line before the
// reported line, at the end of the reported line, and with a # comment before a loop header.
declare(strict_types=1);

function checkout_confirm(): void
{
    session_start();
    $cartId = (string) ($_SESSION['cart_id'] ?? '');
    $ch = curl_init('https://payments.example.com/v1/charges');
    curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => ['cart' => $cartId], CURLOPT_RETURNTRANSFER => true]);
    // session-lint-ignore held-across-slow-call: the lock is wanted here, it stops a double charge from a second tab
    $charge = curl_exec($ch);
    curl_close($ch);
    $_SESSION['last_charge'] = json_decode((string) $charge, true);
}

function otp_penalty(): void
{
    session_start();
    $_SESSION['otp_failures'] = (int) ($_SESSION['otp_failures'] ?? 0) + 1;
    sleep(3); // session-lint-ignore held-across-slow-call: deliberately blocks this user's parallel OTP guesses
}

function wait_for_payment(): void
{
    session_start();
    $chargeId = (string) ($_SESSION['pending_charge'] ?? '');
    # session-lint-ignore held-across-slow-call: at most 3 s, and the checkout tab must not race this
    for ($i = 0; $i < 3; $i++) {
        if (apcu_fetch("charge:{$chargeId}") === 'succeeded') {
            $_SESSION['paid'] = true;
            break;
        }
        sleep(1);
    }
}
