<?php
// CodeIgniter 4 near misses: with the session open, `get()` on the session, on the cache and on
// the incoming request is not slow work; the remote call comes after `close()`.
declare(strict_types=1);

namespace App\Controllers;

use CodeIgniter\Cache\CacheInterface;
use CodeIgniter\HTTP\CURLRequest;
use CodeIgniter\HTTP\IncomingRequest;
use CodeIgniter\HTTP\ResponseInterface;

class Dashboard extends BaseController
{
    public function __construct(
        private readonly CacheInterface $cache,
        private readonly CURLRequest $statusApi,
    ) {
    }

    public function widgets(IncomingRequest $request): ResponseInterface
    {
        $session = session();
        $layout = $session->get('dashboard_layout') ?? 'default';
        $range = $request->getGet('range') ?? '7d';
        $cached = $this->cache->get('widgets_' . $layout . '_' . $range);
        $session->close();

        $status = $cached ?? $this->statusApi->get('status?range=' . $range)->getBody();

        return $this->response->setJSON(['layout' => $layout, 'status' => $status]);
    }
}
