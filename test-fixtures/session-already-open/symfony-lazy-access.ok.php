<?php
// Symfony starts the session on first access; reading it twice is not a second start.
namespace App\Controller;

use Symfony\Component\HttpFoundation\Request;

final class CartController
{
    public function show(Request $request): array
    {
        $session = $request->getSession();
        $items = $session->get('cart', []);
        $coupon = $session->get('coupon');
        $session->save();
        return ['items' => $items, 'coupon' => $coupon];
    }
}
