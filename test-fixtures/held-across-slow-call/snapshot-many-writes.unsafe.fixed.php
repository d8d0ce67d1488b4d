<?php
// A checkout page writes the session in three places after its slow call to the payment
// provider. Reopening around each write would take the lock three more times, so the fix
// closes the session with a snapshot before the call and, after the last write, reopens it
// once to save only the keys this request set or unset (helpers inserted once in this file).
declare(strict_types=1);

if (!function_exists('session_snapshot_close')) {
    /**
     * Closes the session and returns what it held (each key's value, serialised), so that
     * session_apply_changes() can later save only the keys this request changed.
     */
    function session_snapshot_close(): array
    {
        $snapshot = array_map('serialize', $_SESSION ?? []);
        session_write_close();
        return $snapshot;
    }
}

if (!function_exists('session_apply_changes')) {
    /**
     * Reopens the session, which reads what other requests saved since the snapshot, sets the
     * keys this request set or changed and unsets the ones it removed (never the whole array),
     * closes it again and takes a new snapshot.
     */
    function session_apply_changes(array &$snapshot): void
    {
        $set = [];
        foreach ($_SESSION ?? [] as $key => $value) {
            if (!array_key_exists($key, $snapshot) || $snapshot[$key] !== serialize($value)) {
                $set[$key] = $value;
            }
        }
        $unset = array_keys(array_diff_key($snapshot, $_SESSION ?? []));
        session_start();
        foreach ($set as $key => $value) {
            $_SESSION[$key] = $value;
        }
        foreach ($unset as $key) {
            unset($_SESSION[$key]);
        }
        session_write_close();
        $snapshot = array_map('serialize', $_SESSION);
    }
}

session_start();
$cart = (array) ($_SESSION['cart'] ?? []);

$ch = curl_init('https://pay.example/charge');
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($cart));
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$sessionSnapshot = session_snapshot_close();
$response = (string) curl_exec($ch); // expect: held-across-slow-call
$paid = json_decode($response, true);

$_SESSION['last_payment'] = $paid['id'] ?? null;
$total = array_sum($cart);
if ($total > 100) {
    $_SESSION['loyalty_points'] = (int) ($_SESSION['loyalty_points'] ?? 0) + 1;
}
$receipt = sprintf('Paid %d', $total);
unset($_SESSION['cart']);
session_apply_changes($sessionSnapshot);

echo $receipt;
