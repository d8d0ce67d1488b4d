<?php
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

// Twin of `lookups-of-own-host.ok.php`: the name of the client's address (or of another
// private address) is a DNS query, which waits for a remote server.
session_start();
function client_name()
{
    $gateway = gethostbyaddr('10.0.0.1');
    return $_SERVER['REMOTE_ADDR'] === '10.0.0.1' ? $gateway : gethostbyaddr($_SERVER['REMOTE_ADDR']);
}
$sessionSnapshot = session_snapshot_close();
$_SESSION['client'] = client_name(); // expect: held-across-slow-call@warning "gethostbyaddr"
session_apply_changes($sessionSnapshot);
