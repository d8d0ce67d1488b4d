<?php
// Reduced from FrontAccounting's exchange rates: a helper fetches a rate over HTTP with no
// timeout, and retries with curl. Both wait for the remote server with nothing bounding them:
// the group told from the first says as much as a telling from the second would.
session_start();
function get_rate()
{
    $rate = file_get_contents('https://rates.example.com/today.xml'); // expect: held-across-slow-call@warning "Reached from 2 call sites"
    if ($rate === false) {
        $ch = curl_init('https://rates.example.com/today.xml');
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $rate = curl_exec($ch);
    }
    return $rate;
}
