<?php
// CakePHP, fixed: read what is needed, `close()` the session (it writes and releases the lock),
// then call the remote API. A later `write()` starts the session again for a moment.
declare(strict_types=1);

namespace App\Service;

use Cake\Http\Client;
use Cake\Http\ServerRequest;

final class SubscriptionService
{
    public function __construct(private Client $billing)
    {
    }

    public function renew(ServerRequest $request): array
    {
        $session = $request->getSession();
        $customerId = (int) $session->read('Auth.customer_id');
        $session->close();

        $response = $this->billing->post('/subscriptions/' . $customerId . '/renew', ['plan' => 'yearly']);

        $session->write('Subscription.renewed_at', time());

        return $response->getJson();
    }
}
