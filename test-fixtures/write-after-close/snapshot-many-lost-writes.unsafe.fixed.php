<?php
// A report page closes the session before its slow call (right), then changes the session in
// three places, each in its own block: all three changes are lost. Reopening around each of
// them would take the lock three more times, so the fix turns the close into a snapshot close
// and, after the last lost write, reopens the session once to save only the keys this request
// set or unset (helpers inserted once in this file). One finding for the close.
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

$report = file_get_contents('https://reports.example/v1/users/' . $userId);
$_SESSION['last_report_at'] = time(); // expect: write-after-close
if ($report === false) {
    $_SESSION['report_errors'] = (int) ($_SESSION['report_errors'] ?? 0) + 1;
}
$rows = json_decode((string) $report, true);
if (!is_array($rows) || $rows === []) {
    unset($_SESSION['report_cache']);
}
session_apply_changes($sessionSnapshot);

echo count((array) $rows);
