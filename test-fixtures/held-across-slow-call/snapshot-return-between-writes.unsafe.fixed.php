<?php
// Near miss of snapshot-many-writes.php: three write regions after the slow call, but the
// handler may return between the first write and the last. A save after the last write would
// not run on that path and the first write would be lost, so the fix does not use the snapshot
// helpers: it reopens the session around each write instead.
declare(strict_types=1);

function handle_payment(): void
{
    session_start();
    $cart = (array) ($_SESSION['cart'] ?? []);

    $ch = curl_init('https://pay.example/charge');
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($cart));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    session_write_close();
    $paid = json_decode((string) curl_exec($ch), true); // expect: held-across-slow-call

    session_start();
    $_SESSION['last_payment'] = $paid['id'] ?? null;
    session_write_close();
    if (!isset($paid['id'])) {
        return;
    }
    if (count($cart) > 3) {
        session_start();
        $_SESSION['bulk_buyer'] = true;
        session_write_close();
    }
    session_start();
    unset($_SESSION['cart']);
    session_write_close();
}

handle_payment();
