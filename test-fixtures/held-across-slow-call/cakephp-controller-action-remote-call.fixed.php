<?php
// CakePHP: an action reads the session (`Session::read()` starts it) and then waits on a remote
// API with it open. The framework calls an action once per request and nothing of the project
// runs after it, so the action can close the session early with the framework's own
// `$session->close()` when nothing after that point writes it (`show()`), not when something
// does (`track()`).
declare(strict_types=1);

namespace App\Controller;

use Cake\Controller\Controller;
use Cake\Http\Client;

class ShipmentsController extends Controller
{
    public function show(): void
    {
        $session = $this->request->getSession();
        $orderId = (int) $session->read('Order.id');

        $http = new Client();
        $session->close();
        $status = $http->get('https://carrier.example/orders/' . $orderId); // expect: held-across-slow-call

        $this->set('status', $status->getJson());
    }

    public function track(): void
    {
        $session = $this->request->getSession();
        $orderId = (int) $session->read('Order.id');

        $http = new Client();
        $status = $http->get('https://carrier.example/orders/' . $orderId); // expect: held-across-slow-call

        $session->write('Order.status', (string) $status->getStringBody());
    }
}
