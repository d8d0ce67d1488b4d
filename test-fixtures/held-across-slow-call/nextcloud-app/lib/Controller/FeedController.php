<?php
// Nextcloud app folder (Nextcloud's own code is not analysed): `SessionMiddleware` closes the
// session before every controller action, except those with `#[UseSession]` (or the older
// `@UseSession` docblock annotation), which run with the session that `OC::initSession()`
// opened still locked.
declare(strict_types=1);

namespace OCA\Feeds\Controller;

use OCP\AppFramework\Controller;
use OCP\AppFramework\Http\Attribute\UseSession;
use OCP\AppFramework\Http\JSONResponse;
use OCP\Http\Client\IClientService;
use OCP\IRequest;
use OCP\ISession;

class FeedController extends Controller
{
    public function __construct(string $appName, IRequest $request, private ISession $session, private IClientService $clients)
    {
        parent::__construct($appName, $request);
    }

    #[UseSession]
    public function import(string $url): JSONResponse
    {
        $this->session->set('feeds_last_import', $url);
        $response = $this->clients->newClient()->get($url); // expect: held-across-slow-call "UseSession"
        return new JSONResponse(['status' => $response->getStatusCode()]);
    }

    /**
     * @UseSession
     */
    public function legacyImport(string $url): JSONResponse
    {
        $response = $this->clients->newClient()->get($url); // expect: held-across-slow-call "UseSession"
        return new JSONResponse(['status' => $response->getStatusCode()]);
    }

    // Without `UseSession` the session is already closed here.
    public function preview(string $url): JSONResponse
    {
        $response = $this->clients->newClient()->get($url);
        return new JSONResponse(['status' => $response->getStatusCode()]);
    }

    // Keeps the session for the write, then releases it before the remote call.
    #[UseSession]
    public function subscribe(string $url): JSONResponse
    {
        $this->session->set('feeds_subscribed', $url);
        $this->session->close();
        $response = $this->clients->newClient()->get($url);
        return new JSONResponse(['status' => $response->getStatusCode()]);
    }
}
