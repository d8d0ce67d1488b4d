<?php
// CodeIgniter 4: `session()` and `Config\Services::session()` start the session, and every CI
// session driver locks. These actions keep it open while the CURLRequest client calls a remote
// API and while the email library talks to SMTP.
declare(strict_types=1);

namespace App\Controllers;

use CodeIgniter\HTTP\CURLRequest;
use CodeIgniter\HTTP\RequestInterface;
use CodeIgniter\HTTP\ResponseInterface;
use Config\Services;
use Psr\Log\LoggerInterface;

class Invoices extends BaseController
{
    protected CURLRequest $billing;

    public function initController(RequestInterface $request, ResponseInterface $response, LoggerInterface $logger): void
    {
        parent::initController($request, $response, $logger);
        $this->billing = Services::curlrequest(['baseURI' => 'https://billing.internal/api/', 'timeout' => 10]);
    }

    public function index(): ResponseInterface
    {
        $session = session();
        $customerId = (int) $session->get('customer_id');

        $result = $this->billing->get('customers/' . $customerId . '/invoices'); // expect: held-across-slow-call "billing->get"

        $session->set('invoices_seen_at', time());

        return $this->response->setJSON(json_decode($result->getBody(), true));
    }

    public function send(int $invoiceId): ResponseInterface
    {
        $session = Services::session();
        $address = (string) $session->get('email');

        $email = Services::email();
        $email->setTo($address);
        $email->setSubject('Invoice #' . $invoiceId);
        $email->setMessage('Your invoice is attached.');
        $email->send(); // expect: held-across-slow-call "send"

        $session->setFlashdata('message', 'Invoice sent.');

        return redirect()->to('/invoices');
    }
}
