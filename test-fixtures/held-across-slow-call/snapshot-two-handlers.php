<?php
// Two handlers of one file each store the result of a slow call in the session (one finding at
// the shared helper's slow call): each handler gets its snapshot close and its save after the
// write, and the helpers they share are added to the file once (the second fix, deferred to the
// next pass of `--fix` because it inserts at the same place, finds them there).
declare(strict_types=1);

function fetch_json(string $url): array
{
    return (array) json_decode((string) file_get_contents($url), true); // expect: held-across-slow-call
}

function handle_rates(): void
{
    session_start();
    $currency = (string) ($_SESSION['currency'] ?? 'EUR');
    $_SESSION['rates'] = fetch_json('https://rates.example/v1/' . rawurlencode($currency));
    echo json_encode($_SESSION['rates']);
}

function handle_weather(): void
{
    session_start();
    $city = (string) ($_SESSION['city'] ?? 'Paris');
    $_SESSION['weather'] = fetch_json('https://weather.example/v2/' . rawurlencode($city));
    echo json_encode($_SESSION['weather']);
}

if (($_GET['what'] ?? '') === 'rates') {
    handle_rates();
} else {
    handle_weather();
}
