<?php
// Guzzle under a native session lock: a typed client property, a client built with `new`, a
// ClientInterface parameter, and promises. The `*Async` calls only start transfers; `wait()`,
// `Utils::unwrap()` and `Pool::batch()` block until they finish.
declare(strict_types=1);

namespace App\Integration;

use GuzzleHttp\Client;
use GuzzleHttp\ClientInterface;
use GuzzleHttp\Pool;
use GuzzleHttp\Promise\Utils;
use GuzzleHttp\Psr7\Request;

final class CrmSync
{
    public function __construct(private Client $crm)
    {
    }

    public function pushProfile(): void
    {
        session_start();
        $profile = $_SESSION['profile'] ?? [];

        session_write_close();
        $this->crm->post('/contacts', ['json' => $profile, 'timeout' => 15]); // expect: held-across-slow-call "crm->post"

        session_start();
        $_SESSION['profile_synced'] = true;
        session_write_close();
    }

    public function avatar(): string
    {
        session_start();
        $userId = (int) ($_SESSION['user_id'] ?? 0);

        $client = new Client(['base_uri' => 'https://avatars.example.com']);
        $body = (string) $client->get('/u/' . $userId . '.png')->getBody(); // expect: held-across-slow-call "client->get"

        $_SESSION['avatar_loaded'] = true;
        return $body;
    }

    public function pricesFor(ClientInterface $pricing): array
    {
        session_start();
        $skus = (array) ($_SESSION['cart_skus'] ?? []);

        $promises = [];
        foreach ($skus as $sku) {
            $promises[$sku] = $pricing->requestAsync('GET', '/prices/' . rawurlencode($sku));
        }
        $responses = Utils::unwrap($promises); // expect: held-across-slow-call "Utils::unwrap"

        $_SESSION['prices_checked_at'] = time();
        return array_map(static fn ($r) => json_decode((string) $r->getBody(), true), $responses);
    }

    public function stockFor(ClientInterface $warehouse, string $sku): int
    {
        session_start();
        $depot = (string) ($_SESSION['depot'] ?? 'main');

        $promise = $warehouse->requestAsync('GET', '/stock/' . $depot . '/' . $sku);
        $response = $promise->wait(); // expect: held-across-slow-call "wait"

        $_SESSION['stock_checked'] = $sku;
        return (int) $response->getBody()->getContents();
    }

    public function warmCaches(): void
    {
        session_start();
        $pages = (array) ($_SESSION['recent_pages'] ?? []);

        $requests = array_map(static fn (string $page) => new Request('GET', $page), $pages);
        Pool::batch($this->crm, $requests, ['concurrency' => 4]); // expect: held-across-slow-call "Pool::batch"

        $_SESSION['warmed'] = true;
    }
}
