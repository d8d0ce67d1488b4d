<?php
// Yii 2 near misses: with the session open, `get()` on the session, on the cache and on the
// request, and building an HTTP request (`$client->get()` only creates it), are not slow work.
// The request is sent after `close()`.
declare(strict_types=1);

namespace app\controllers;

use yii\caching\CacheInterface;
use yii\httpclient\Client;
use yii\web\Controller;
use yii\web\Request;
use yii\web\Session;

final class SearchController extends Controller
{
    public function actionIndex(Request $request, Session $session, CacheInterface $cache, Client $searchApi): array
    {
        $filters = (array) $session->get('search_filters', []);
        $term = (string) $request->get('q', '');
        $synonyms = $cache->get('synonyms:' . $term) ?: [];
        $pending = $searchApi->get('search', ['q' => $term, 'filters' => $filters, 'synonyms' => $synonyms]);
        $session->close();

        $response = $pending->send();

        return $response->data;
    }
}
