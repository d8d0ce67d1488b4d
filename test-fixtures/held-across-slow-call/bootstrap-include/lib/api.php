<?php
namespace App;

final class RatesClient
{
    public function fetchRates(string $base): array
    {
        $ch = curl_init('https://rates.example.com/latest?base=' . urlencode($base));
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return json_decode((string) curl_exec($ch), true) ?: [];
    }
}

function download_file(string $path): void
{
    header('Content-Type: application/octet-stream');
    readfile($path);
}
