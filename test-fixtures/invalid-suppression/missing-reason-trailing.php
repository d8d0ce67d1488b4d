<?php
// The same missing reason, written at the end of the reported line and as a # comment before a
// loop header: both suppress, and both are reported on their comment's line.
declare(strict_types=1);

function wait_for_charge(): void
{
    session_start();
    $chargeId = (string) ($_SESSION['pending_charge'] ?? '');
    # session-lint-ignore held-across-slow-call // expect: invalid-suppression
    while (apcu_fetch("charge:{$chargeId}") !== 'succeeded') {
        sleep(1);
    }
    $_SESSION['paid'] = true;
}

function fetch_receipt(): string
{
    session_start();
    $chargeId = (string) ($_SESSION['pending_charge'] ?? '');
    $ch = curl_init('https://payments.example.com/v1/charges/' . rawurlencode($chargeId) . '/receipt');
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $receipt = (string) curl_exec($ch); // session-lint-ignore held-across-slow-call // expect: invalid-suppression
    curl_close($ch);
    $_SESSION['receipt'] = $receipt;
    return $receipt;
}
