<?php
// Symfony HttpClient under a native session lock: `request()` returns at once (responses are
// lazy); reading the status, headers or body waits for the network, and iterating `stream()`
// waits for chunks. The finding is where the code waits.
declare(strict_types=1);

namespace App\Legacy;

use Symfony\Component\HttpClient\HttpClient;
use Symfony\Contracts\HttpClient\HttpClientInterface;

final class FeedReader
{
    public function latest(HttpClientInterface $client): array
    {
        session_start();
        $feedUrl = (string) ($_SESSION['feed_url'] ?? 'https://news.example.com/feed.json');

        $response = $client->request('GET', $feedUrl, ['timeout' => 10]);
        if ($response->getStatusCode() !== 200) { // expect: held-across-slow-call "getStatusCode"
            return [];
        }
        $items = $response->toArray();

        $_SESSION['feed_read_at'] = time();
        session_write_close();
        return $items;
    }

    public function mirror(array $urls): void
    {
        session_start();
        $target = (string) ($_SESSION['mirror_dir'] ?? '/tmp/mirror');

        $client = HttpClient::create();
        $responses = [];
        foreach ($urls as $url) {
            $responses[] = $client->request('GET', $url);
        }
        foreach ($client->stream($responses) as $response => $chunk) { // expect: held-across-slow-call "stream"
            file_put_contents($target . '/' . md5($response->getInfo('url')), $chunk->getContent(), FILE_APPEND);
        }

        $_SESSION['mirrored'] = count($urls);
    }
}
