<?php
// An export page closes the session, flushes a line of progress, and then changes the session
// in three places: all three changes are lost, and a plain reopen after the flush would fail
// (headers are sent). The fix turns the close into a snapshot close, switches the cookie and
// the cache limiter off right after it (before any output), and after the last lost write
// reopens the session once to save only the keys this request set or unset.
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
$userId = (int) ($_SESSION['user_id'] ?? 0);
$sessionSnapshot = session_snapshot_close();
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');

echo "Exporting…\n";
flush();
$export = file_get_contents('https://export.example/v1/users/' . $userId);
$_SESSION['last_export_at'] = time(); // expect: write-after-close
if ($export === false) {
    $_SESSION['export_errors'] = (int) ($_SESSION['export_errors'] ?? 0) + 1;
}
if ($export !== false && strlen($export) > 1000000) {
    unset($_SESSION['export_preview']);
}
session_apply_changes($sessionSnapshot);

echo $export === false ? 'failed' : 'done';
