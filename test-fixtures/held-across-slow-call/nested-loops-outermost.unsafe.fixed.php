<?php
// The first slow call sits in an inner loop; the finding is reported once, at the header of the
// outermost loop that runs with the session held.
declare(strict_types=1);

session_start();
$feeds = $_SESSION['subscribed_feeds'] ?? [];
$items = [];

session_write_close();
foreach ($feeds as $feed) { // expect: held-across-slow-call
    foreach ($feed['mirrors'] ?? [$feed['url']] as $url) {
        $ch = curl_init($url);
        curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 5]);
        $xml = curl_exec($ch);
        curl_close($ch);
        if (is_string($xml) && $xml !== '') {
            $items[$feed['id']] = $xml;
            break;
        }
    }
}

session_start();
$_SESSION['feeds_refreshed_at'] = time();
session_write_close();
header('Content-Type: application/json');
echo json_encode(array_map('strlen', $items));
