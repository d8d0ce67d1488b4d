<?php
// CakePHP: `Session::read()` starts the session when the request carries a session cookie, and
// `write()` always does; it stays locked until `close()`. This service gets the request passed
// in from the controller and calls a remote API and the mailer with the session open.
declare(strict_types=1);

namespace App\Service;

use Cake\Http\Client;
use Cake\Http\ServerRequest;
use Cake\Mailer\Mailer;

final class SubscriptionService
{
    public function __construct(private Client $billing, private Mailer $mailer)
    {
    }

    public function renew(ServerRequest $request): array
    {
        $session = $request->getSession();
        $customerId = (int) $session->read('Auth.customer_id');

        $response = $this->billing->post('/subscriptions/' . $customerId . '/renew', ['plan' => 'yearly']); // expect: held-across-slow-call "billing->post"

        return $response->getJson();
    }

    public function sendInvoice(ServerRequest $request, int $invoiceId): void
    {
        $session = $request->getSession();
        $email = (string) $session->read('Auth.email');

        $this->mailer
            ->setTo($email)
            ->setSubject('Invoice ' . $invoiceId)
            ->viewBuilder()->setTemplate('invoice');
        $this->mailer->deliver('Your invoice is ready.'); // expect: held-across-slow-call "deliver"
    }
}
