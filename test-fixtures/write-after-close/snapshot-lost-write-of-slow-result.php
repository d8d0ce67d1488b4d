<?php
// The session is closed, and then the result of a slow call is written straight into it: the
// write is lost. No reopen can wrap that statement alone: it would hold the lock through
// `fetch_rates()` (its slow work runs with the session closed here, so only a look into the
// callee tells). The fix turns the close into a snapshot close and saves the changed keys once,
// after the write.
declare(strict_types=1);

function fetch_rates(string $currency): array
{
    $json = file_get_contents('https://rates.example/v1/' . rawurlencode($currency));
    return (array) json_decode((string) $json, true);
}

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');
session_write_close();

$_SESSION['rates'] = fetch_rates($currency); // expect: write-after-close
echo json_encode($_SESSION['rates']);
