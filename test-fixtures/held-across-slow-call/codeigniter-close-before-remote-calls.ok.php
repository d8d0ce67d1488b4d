<?php
// CodeIgniter 4, fixed: `$session->close()` (4.4+) releases the lock before the remote call; the
// session data read before it is still in hand. Writes belong before the close.
declare(strict_types=1);

namespace App\Controllers;

use CodeIgniter\HTTP\CURLRequest;
use CodeIgniter\HTTP\ResponseInterface;

class Invoices extends BaseController
{
    public function __construct(private readonly CURLRequest $billing)
    {
    }

    public function index(): ResponseInterface
    {
        $session = session();
        $customerId = (int) $session->get('customer_id');
        $session->set('invoices_seen_at', time());
        $session->close();

        $result = $this->billing->get('customers/' . $customerId . '/invoices');

        return $this->response->setJSON(json_decode($result->getBody(), true));
    }

    public function download(int $invoiceId): ResponseInterface
    {
        $customerId = (int) session('customer_id');
        session_write_close();

        $pdf = $this->billing->request('GET', 'invoices/' . $invoiceId . '.pdf', ['query' => ['customer' => $customerId]]);

        return $this->response->setContentType('application/pdf')->setBody($pdf->getBody());
    }
}
