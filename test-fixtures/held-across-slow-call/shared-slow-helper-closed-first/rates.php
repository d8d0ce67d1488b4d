<?php
// The same helper as in shared-slow-helper/, but every page closes the session before calling
// it: nothing is held, nothing is reported.
declare(strict_types=1);

function fetch_rates(string $currency): array
{
    $ch = curl_init('https://rates.example.com/latest?base=' . rawurlencode($currency));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $body = (string) curl_exec($ch);
    curl_close($ch);
    return (array) json_decode($body, true);
}
