<?php
// Two handlers of one file each store the result of a slow call in the session (one finding at
// the shared helper's slow call): each handler gets its snapshot close and its save after the
// write, and the helpers they share are added to the file once (the second fix, deferred to the
// next pass of `--fix` because it inserts at the same place, finds them there).
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

function fetch_json(string $url): array
{
    return (array) json_decode((string) file_get_contents($url), true); // expect: held-across-slow-call
}

function handle_rates(): void
{
    session_start();
    $currency = (string) ($_SESSION['currency'] ?? 'EUR');
    $sessionSnapshot = session_snapshot_close();
    $_SESSION['rates'] = fetch_json('https://rates.example/v1/' . rawurlencode($currency));
    session_apply_changes($sessionSnapshot);
    echo json_encode($_SESSION['rates']);
}

function handle_weather(): void
{
    session_start();
    $city = (string) ($_SESSION['city'] ?? 'Paris');
    $sessionSnapshot = session_snapshot_close();
    $_SESSION['weather'] = fetch_json('https://weather.example/v2/' . rawurlencode($city));
    session_apply_changes($sessionSnapshot);
    echo json_encode($_SESSION['weather']);
}

if (($_GET['what'] ?? '') === 'rates') {
    handle_rates();
} else {
    handle_weather();
}
