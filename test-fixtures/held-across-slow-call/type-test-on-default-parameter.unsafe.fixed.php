<?php
// Near miss of type-test-on-default-parameter.ok.php: one caller passes request options, so
// `is_array($opts)` is true there and the remote request runs while the session is open.
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

function get_contents(string $file, ?array $opts = null): string
{
    if (!is_array($opts)) {
        return is_readable($file) ? (string) file_get_contents($file) : '';
    }
    $ch = curl_init($file);
    curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query($opts));
    return (string) curl_exec($ch);
}

session_start();
if (empty($_SESSION['cfg'])) {
    $cfg = json_decode(get_contents(__DIR__ . '/default.json'), true);
} else {
    $cfg = $_SESSION['cfg'];
}
$_SESSION['cfg'] = $cfg;
$sessionSnapshot = session_snapshot_close();
$_SESSION['news'] = get_contents(__DIR__ . '/news.json', ['lang' => 'en']); // expect: held-across-slow-call
session_apply_changes($sessionSnapshot);
