<?php
// Order e-mails. mail() talks to the local MTA or an SMTP relay: seconds, not milliseconds.
declare(strict_types=1);

function send_receipt(string $to, array $order): bool
{
    $lines = array_map(static fn (array $item): string => "{$item['qty']} x {$item['name']}", $order['items']);
    return mail($to, 'Your order #' . $order['id'], implode("\n", $lines));
}
