<?php
// CakePHP near misses: reading the session, the query string, the configuration and a nested
// array (`Hash::get()`) is not slow work; the HTTP client's `get()` runs after `close()`.
declare(strict_types=1);

namespace App\Service;

use Cake\Core\Configure;
use Cake\Http\Client;
use Cake\Http\ServerRequest;
use Cake\Utility\Hash;

final class CatalogService
{
    public function __construct(private Client $catalogApi)
    {
    }

    public function page(ServerRequest $request): array
    {
        $session = $request->getSession();
        $prefs = (array) $session->read('Catalog.preferences');
        $sort = (string) $request->getQuery('sort', Hash::get($prefs, 'sort', 'name'));
        $perPage = (int) Configure::read('Catalog.perPage', 24);
        $session->close();

        return $this->catalogApi->get('/products', ['sort' => $sort, 'limit' => $perPage])->getJson();
    }
}
