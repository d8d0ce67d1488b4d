<?php
// Symfony, the fixed form: read what the action needs, release the lock with `$session->save()`,
// then wait on the network. Writing afterwards starts the session again (a short second lock),
// which is the snapshot pattern: read, close, slow work, reopen to write.
declare(strict_types=1);

namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\Mailer\MailerInterface;
use Symfony\Component\Mime\Email;
use Symfony\Contracts\HttpClient\HttpClientInterface;

final class CheckoutController extends AbstractController
{
    public function __construct(private readonly MailerInterface $mailer)
    {
    }

    public function quote(Request $request, HttpClientInterface $pricingClient): JsonResponse
    {
        $session = $request->getSession();
        $items = $session->get('cart', []);
        $session->save();

        $response = $pricingClient->request('POST', 'https://pricing.internal/v2/quote', ['json' => ['items' => $items]]);
        $quote = $response->toArray();

        $session->set('last_quote', $quote['id']);

        return new JsonResponse(['total' => $quote['total']]);
    }

    public function resendReceipt(Request $request): JsonResponse
    {
        $session = $request->getSession();
        $receipt = (array) $session->get('last_receipt', []);
        $session->save();

        $email = (new Email())->to((string) $receipt['email'])->subject('Receipt for order ' . (int) $receipt['order_id'])->text('Attached.');
        $this->mailer->send($email);

        return new JsonResponse(['sent' => true]);
    }
}
