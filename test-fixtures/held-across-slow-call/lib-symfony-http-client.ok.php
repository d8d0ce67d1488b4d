<?php
// Symfony HttpClient, fixed: the request is started while the session is open (that does not
// wait), `getInfo()` does not wait either, and the session is closed before the response is read.
declare(strict_types=1);

namespace App\Legacy;

use Symfony\Contracts\HttpClient\HttpClientInterface;

final class FeedReader
{
    public function latest(HttpClientInterface $client): array
    {
        session_start();
        $feedUrl = (string) ($_SESSION['feed_url'] ?? 'https://news.example.com/feed.json');
        $response = $client->request('GET', $feedUrl, ['timeout' => 10]);
        $startedAt = $response->getInfo('start_time');
        $_SESSION['feed_requested_at'] = $startedAt;
        session_write_close();

        return $response->getStatusCode() === 200 ? $response->toArray() : [];
    }
}
