<?php
// A controller action reads the allowed invoice ids and streams the file: the lock is held for
// the whole download. read_and_close fixes both findings.
declare(strict_types=1);

final class InvoiceController
{
    public function download(int $invoiceId): void
    {
        session_start(['read_and_close' => true]); // expect: prefer-read-and-close
        $allowed = $_SESSION['invoice_ids'] ?? [];
        if (!in_array($invoiceId, $allowed, true)) {
            http_response_code(404);
            return;
        }
        header('Content-Type: application/pdf');
        readfile("/srv/invoices/{$invoiceId}.pdf"); // expect: held-across-slow-call
    }
}
