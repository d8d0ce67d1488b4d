<?php
// Nextcloud: controllers run with the session closed (SessionMiddleware), and `ISession::reopen()`
// takes the lock again to write. Here it stays open while the app calls an external service and
// sends mail, so every other request of the user (the web UI polls a lot) waits.
declare(strict_types=1);

namespace OCA\Bookmarks\Controller;

use OCP\AppFramework\Controller;
use OCP\AppFramework\Http\JSONResponse;
use OCP\Http\Client\IClientService;
use OCP\IRequest;
use OCP\ISession;
use OCP\Mail\IMailer;

class PreviewController extends Controller
{
    public function __construct(
        string $appName,
        IRequest $request,
        private ISession $session,
        private IMailer $mailer,
    ) {
        parent::__construct($appName, $request);
    }

    public function refresh(string $url, IClientService $clientService): JSONResponse
    {
        $this->session->reopen();
        $this->session->set('bookmarks_last_refresh', time());

        $client = $clientService->newClient();
        $this->session->close();
        $response = $client->get($url, ['timeout' => 10]); // expect: held-across-slow-call "client->get"

        $this->session->close();

        return new JSONResponse(['status' => $response->getStatusCode()]);
    }

    public function share(string $recipient): JSONResponse
    {
        $this->session->reopen();
        $this->session->set('bookmarks_shared_with', $recipient);

        $message = $this->mailer->createMessage();
        $message->setTo([$recipient]);
        $this->session->close();
        $this->mailer->send($message); // expect: held-across-slow-call "send"

        $this->session->close();

        return new JSONResponse(['sent' => true]);
    }
}
