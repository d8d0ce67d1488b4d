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

// A factory declared in a parent class with the return type `static` returns an object of the
// class it is called on (late static binding): `RemoteFeed::create()` is a `RemoteFeed`, whose
// `refresh()` calls a remote service. Twin: `static-return-type-in-parent-self.ok.php`.
class Feed
{
    public static function create(): static
    {
        return new static();
    }
}

class RemoteFeed extends Feed
{
    public function refresh(): string
    {
        return (string) file_get_contents('https://feeds.example.com/latest');
    }
}

session_start();
$feed = RemoteFeed::create();
$sessionSnapshot = session_snapshot_close();
$_SESSION['latest'] = $feed->refresh(); // expect: held-across-slow-call
session_apply_changes($sessionSnapshot);
