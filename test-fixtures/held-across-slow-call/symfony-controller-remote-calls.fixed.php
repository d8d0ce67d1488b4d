<?php
// Symfony: reading the session starts it lazily (NativeSessionStorage takes the lock on the first
// `get()`), and it stays locked until `$session->save()` or the end of the request. These actions
// read the session, then wait on a pricing API (HttpClient responses block when read), on a mailer
// and on a Guzzle client, with the lock held.
declare(strict_types=1);

namespace App\Controller;

use App\Checkout\Cart;
use GuzzleHttp\ClientInterface;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\RedirectResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Session\SessionInterface;
use Symfony\Component\Mailer\MailerInterface;
use Symfony\Component\Mime\Email;
use Symfony\Contracts\HttpClient\HttpClientInterface;

final class CheckoutController extends AbstractController
{
    public function __construct(
        private readonly MailerInterface $mailer,
        private readonly ClientInterface $loyaltyApi,
    ) {
    }

    public function quote(Request $request, HttpClientInterface $pricingClient): JsonResponse
    {
        $session = $request->getSession();
        $cart = Cart::fromArray($session->get('cart', []));

        $response = $pricingClient->request('POST', 'https://pricing.internal/v2/quote', [
            'json' => ['items' => $cart->toArray(), 'currency' => $cart->currency()],
            'timeout' => 5,
        ]);
        $session->save();
        $quote = $response->toArray(); // expect: held-across-slow-call "toArray"

        return new JsonResponse(['total' => $quote['total'], 'expires' => $quote['expires_at']]);
    }

    public function confirm(Request $request): RedirectResponse
    {
        $this->addFlash('success', 'Your order was placed.');

        $email = (new Email())
            ->to((string) $request->request->get('email'))
            ->subject('Order confirmation')
            ->text('Thank you for your order.');
        $this->mailer->send($email); // expect: held-across-slow-call "send"

        return $this->redirectToRoute('checkout_done');
    }

    public function points(SessionInterface $session): JsonResponse
    {
        $customerId = (int) $session->get('customer_id');

        $session->save();
        $result = $this->loyaltyApi->request('GET', '/customers/' . $customerId . '/points'); // expect: held-across-slow-call

        return new JsonResponse(json_decode((string) $result->getBody(), true));
    }
}
