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

// A method named by a literal prefix and a setting (phpipam's Scan::ping_address():
// `$this->{"ping_address_method_" . $this->icmp_type}($address)`): the class's methods that
// fit are the candidates: at the call only the slow work they all do counts. Both spawn a process,
// so the call is slow work whichever runs: one finding at the caller, where the early close goes
// (not one more per candidate for the same hold).
class Scanner {
    public $icmp_type = 'ping';

    public function ping_address($address) {
        $method = 'ping_address_method_' . $this->icmp_type;
        return $this->{$method}($address);
    }

    protected function ping_address_method_ping($address) {
        exec('ping -c 1 ' . escapeshellarg($address), $output, $code);
        return $code;
    }

    protected function ping_address_method_fping($address) {
        exec('fping ' . escapeshellarg($address), $output, $code);
        return $code;
    }
}

session_start();
$scanner = new Scanner();
$sessionSnapshot = session_snapshot_close();
$_SESSION['last_ping'] = $scanner->ping_address($_GET['ip']); // expect: held-across-slow-call "which reaches `exec\(\)`"
session_apply_changes($sessionSnapshot);
