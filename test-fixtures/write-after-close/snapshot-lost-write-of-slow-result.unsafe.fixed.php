<?php
// The session is closed, and then the result of a slow call is written straight into it: the
// write is lost. No reopen can wrap that statement alone: it would hold the lock through
// `fetch_rates()` (its slow work runs with the session closed here, so only a look into the
// callee tells). The fix turns the close into a snapshot close and saves the changed keys once,
// after the write.
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

function fetch_rates(string $currency): array
{
    $json = file_get_contents('https://rates.example/v1/' . rawurlencode($currency));
    return (array) json_decode((string) $json, true);
}

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');
$sessionSnapshot = session_snapshot_close();

$_SESSION['rates'] = fetch_rates($currency); // expect: write-after-close
session_apply_changes($sessionSnapshot);
echo json_encode($_SESSION['rates']);
