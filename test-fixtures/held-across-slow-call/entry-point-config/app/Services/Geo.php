<?php
namespace App\Services;

class Geo
{
    public function lookup(string $ip): array
    {
        $json = file_get_contents('https://geo.example.com/' . rawurlencode($ip));
        return json_decode((string) $json, true) ?: [];
    }
}
