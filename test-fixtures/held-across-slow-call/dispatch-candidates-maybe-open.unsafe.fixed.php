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

// A call that runs one of several methods named by a pattern, made where the session is open
// on some paths only (a remembered login): whichever candidate runs, it may run with the lock held;
// the one finding, at the call, says when, and names the other candidate's slow work.
class Jobs {
    public function run($name) {
        $method = 'job_' . $name;
        return $this->{$method}();
    }

    protected function job_fetch() {
        return file_get_contents('https://api.example.com/feed');
    }

    protected function job_mail() {
        return mail('ops@example.com', 'report', 'done');
    }
}

if (isset($_COOKIE['remember'])) {
    session_start();
}
$jobs = new Jobs();
$sessionSnapshot = session_snapshot_close();
$_SESSION['last_job'] = $jobs->run($_GET['job']); // expect: held-across-slow-call "may be held across .*stays open when `isset\(\$_COOKIE\['remember'\]\)` is true"
session_apply_changes($sessionSnapshot);
