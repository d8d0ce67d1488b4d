<?php
// Nextcloud, fixed: reopen only for the write and close right after it, before the external
// request and the mail.
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
        $this->session->close();

        $client = $clientService->newClient();
        $response = $client->get($url, ['timeout' => 10]);
        $message = $this->mailer->createMessage();
        $message->setTo(['admin@example.com']);
        $this->mailer->send($message);

        return new JSONResponse(['status' => $response->getStatusCode()]);
    }
}
