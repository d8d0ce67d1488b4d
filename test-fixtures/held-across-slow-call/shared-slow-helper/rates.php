<?php
// One slow helper that several pages call with the session open: one cause, so one finding,
// here at the slow call, counting the pages that reach it (not one finding per page).
declare(strict_types=1);

function fetch_rates(string $currency): array
{
    $ch = curl_init('https://rates.example.com/latest?base=' . rawurlencode($currency));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $body = (string) curl_exec($ch); // expect: held-across-slow-call "^Session lock held across `curl_exec\(\)`: .* Reached from 3 call sites \(cart\.php:8, checkout\.php:8 and product\.php:8\)"
    curl_close($ch);
    return (array) json_decode($body, true);
}
