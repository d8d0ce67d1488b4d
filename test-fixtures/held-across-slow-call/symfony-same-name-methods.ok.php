<?php
// Symfony near misses: while the session is open, `get()` on the session, on the request's
// parameter bags and on a cache is not slow work, and `request()` on the HttpClient only
// starts the request (the response is lazy). The response is read after `save()`.
declare(strict_types=1);

namespace App\Controller;

use Psr\Cache\CacheItemPoolInterface;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Contracts\HttpClient\HttpClientInterface;

final class SearchController
{
    public function __construct(private readonly CacheItemPoolInterface $cache)
    {
    }

    public function search(Request $request, HttpClientInterface $searchClient): JsonResponse
    {
        $session = $request->getSession();
        $locale = (string) $session->get('_locale', 'en');
        $page = $request->query->getInt('page', 1);
        $term = (string) $request->query->get('q', '');
        $facets = $this->cache->getItem('facets.' . $locale)->get();

        $response = $searchClient->request('GET', 'https://search.internal/query', [
            'query' => ['q' => $term, 'page' => $page, 'locale' => $locale],
        ]);
        $info = $response->getInfo('url');
        $session->save();

        return new JsonResponse(['results' => $response->toArray(), 'facets' => $facets, 'url' => $info]);
    }
}
