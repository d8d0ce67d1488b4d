<?php
// In a namespaced file the helpers are the namespace's functions: their `function_exists()`
// guards name them with `__NAMESPACE__`, and they go after the `namespace` and `use` lines.
declare(strict_types=1);

namespace App\Pages;

use RuntimeException;

if (!function_exists(__NAMESPACE__ . '\session_snapshot_close')) {
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

if (!function_exists(__NAMESPACE__ . '\session_apply_changes')) {
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
    if ($json === false) {
        throw new RuntimeException('no rates');
    }
    return (array) json_decode($json, true);
}

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');
$sessionSnapshot = session_snapshot_close();
$_SESSION['rates'] = fetch_rates($currency); // expect: held-across-slow-call
$_SESSION['rates_at'] = time();
session_apply_changes($sessionSnapshot);

header('Content-Type: application/json');
echo json_encode($_SESSION['rates']);
