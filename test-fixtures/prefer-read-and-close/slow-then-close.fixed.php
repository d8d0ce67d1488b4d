<?php
// The handler closes the session, but only after the slow HTTP call: it never writes, so
// read_and_close would have released the lock before the call.
declare(strict_types=1);

function fetch_weather(string $city): array
{
    $ch = curl_init('https://weather.example.com/v1/now?city=' . rawurlencode($city));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $body = (string) curl_exec($ch);
    curl_close($ch);
    return json_decode($body, true) ?: [];
}

session_start(['read_and_close' => true]); // expect: prefer-read-and-close
$city = (string) ($_SESSION['city'] ?? 'Berlin');
$weather = fetch_weather($city); // expect: held-across-slow-call
session_write_close();

header('Content-Type: application/json');
echo json_encode($weather);
