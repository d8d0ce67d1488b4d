<?php
// The helper of shared-slow-helper/, with the one finding for all its callers suppressed at the
// slow call: a comment here covers every page that reaches it (and it hides something, so
// invalid-suppression stays quiet).
declare(strict_types=1);

function fetch_rates(string $currency): array
{
    $ch = curl_init('https://rates.example.com/latest?base=' . rawurlencode($currency));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    // session-lint-ignore held-across-slow-call: the rates service answers from a local cache in under 5 ms
    $body = (string) curl_exec($ch);
    curl_close($ch);
    return (array) json_decode($body, true);
}
