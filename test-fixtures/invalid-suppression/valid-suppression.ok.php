<?php
// Well-formed suppressions (known rule id and a reason), on the line before, at the end of the
// line, and with a # comment: the findings are silenced and nothing else is reported.
declare(strict_types=1);

function confirm_charge(): void
{
    session_start();
    $cartId = (string) ($_SESSION['cart_id'] ?? '');
    $ch = curl_init('https://payments.example.com/v1/charges');
    curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => ['cart' => $cartId], CURLOPT_RETURNTRANSFER => true]);
    // session-lint-ignore held-across-slow-call: holding the lock stops a second tab from charging twice
    $charge = curl_exec($ch);
    curl_close($ch);
    $_SESSION['last_charge'] = json_decode((string) $charge, true);
}

function otp_penalty(): void
{
    session_start();
    $_SESSION['otp_failures'] = (int) ($_SESSION['otp_failures'] ?? 0) + 1;
    sleep(3); // session-lint-ignore held-across-slow-call: blocks this user's parallel guesses on purpose
}

function admin_reindex(): void
{
    session_start();
    # session-lint-ignore held-across-slow-call: admin-only maintenance page, used once a month
    system('php bin/reindex.php --all');
    $_SESSION['reindexed_at'] = time();
}
