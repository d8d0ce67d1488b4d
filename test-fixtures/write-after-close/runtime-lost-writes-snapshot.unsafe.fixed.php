<?php
// Also run for real (rules/test/fix-runtime.test.ts, with php-cgi): the page closes the session
// before its slow part (so neither request waits), flushes its response, and then changes the
// session in three places, each in its own block: before the fix every change is lost. The fix
// closes with a snapshot instead, switches the cookie and the cache limiter off right after it,
// and saves only the changed keys once after the last write: both requests' keys are saved,
// and the cart request `a` removed stays removed.
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
$user = (string) ($_SESSION['user'] ?? 'guest');
$cart = (array) ($_SESSION['cart'] ?? []);
$request = (string) ($_GET['req'] ?? 'x');
$sessionSnapshot = session_snapshot_close();
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');
while (!file_exists((string) ($_GET['go'] ?? ''))) {
    touch((string) ($_GET['ready'] ?? ''));
    usleep(20000);
}
echo 'done ' . $request;
flush();
$_SESSION['seen_' . $request] = $user; // expect: write-after-close
if (count($cart) > 0) {
    $_SESSION['items_' . $request] = count($cart);
}
if ($request === 'a') {
    unset($_SESSION['cart']);
}
session_apply_changes($sessionSnapshot);
