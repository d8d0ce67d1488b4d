<?php
// A library outside the checked files (see _not-given.txt): the pages that reach its slow call
// are one finding, at the first page, counting them all.
declare(strict_types=1);

function fetch_rates(string $currency): array
{
    $ch = curl_init('https://rates.example.com/latest?base=' . rawurlencode($currency));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $body = (string) curl_exec($ch);
    curl_close($ch);
    return (array) json_decode($body, true);
}
