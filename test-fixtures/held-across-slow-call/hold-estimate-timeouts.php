<?php
// A timeout set on the request bounds the hold: cURL options on the handle, a stream context's
// `timeout`, Guzzle's `timeout` on the client or on the request. A connect timeout alone does
// not bound the whole request.
declare(strict_types=1);

use GuzzleHttp\Client;

function quote_with_curl(array $cart): string
{
    session_start();
    $_SESSION['quoted'] = true;
    $ch = curl_init('https://rates.example.com/v2/quote');
    curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10]);
    return (string) curl_exec($ch); // expect: held-across-slow-call "stays locked for up to 10 s \(the request's timeout\)"
}

function quote_with_ms_timeout(): string
{
    session_start();
    $_SESSION['quoted'] = true;
    $ch = curl_init('https://rates.example.com/v2/quote');
    curl_setopt($ch, CURLOPT_TIMEOUT_MS, 2500);
    return (string) curl_exec($ch); // expect: held-across-slow-call "for up to 2.5 s \(the request's timeout\)"
}

function quote_connect_only(): string
{
    session_start();
    $_SESSION['quoted'] = true;
    $ch = curl_init('https://rates.example.com/v2/quote');
    curl_setopt($ch, CURLOPT_CONNECTTIMEOUT, 3);
    return (string) curl_exec($ch); // expect: held-across-slow-call "waits until the remote server answers\.$"
}

function feed_with_context(): string
{
    session_start();
    $_SESSION['feed'] = true;
    $context = stream_context_create(['http' => ['method' => 'GET', 'timeout' => 5]]);
    return (string) file_get_contents('https://news.example.com/feed.xml', false, $context); // expect: held-across-slow-call "for up to 5 s \(the request's timeout\)"
}

function profile_with_guzzle(): string
{
    session_start();
    $_SESSION['profile'] = true;
    $client = new Client(['base_uri' => 'https://profiles.example.com', 'timeout' => 8]);
    return (string) $client->get('/me')->getBody(); // expect: held-across-slow-call "for up to 8 s \(the request's timeout\)"
}

function avatar_with_guzzle(Client $client): string
{
    session_start();
    $_SESSION['avatar'] = true;
    return (string) $client->request('GET', 'https://avatars.example.com/me', ['timeout' => 3])->getBody(); // expect: held-across-slow-call "for up to 3 s \(the request's timeout\)"
}
