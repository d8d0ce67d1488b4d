<?php
// Near miss of constructor-flag-from-default-options.ok.php: a method of the class can turn
// the flag on after construction, so the remote listing may be fetched with the session open.
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

class Connector
{
    protected $opts = array('remote' => false, 'keys' => array('default' => 'cache'));
    protected $remote = false;

    public function __construct(array $opts)
    {
        $this->opts = array_merge($this->opts, $opts);
        $this->remote = !empty($this->opts['remote']);
    }

    public function archivers(): array
    {
        if ($this->remote) {
            return (array) json_decode((string) file_get_contents('https://archivers.example.com/list'), true);
        }
        return array('zip', 'tar');
    }

    public function useRemoteArchivers(): void
    {
        $this->remote = true;
    }
}

session_start();
$opts = array('keys' => array('default' => (string) ($_GET['cache'] ?? 'cache')));
$connector = new Connector($opts);
$sessionSnapshot = session_snapshot_close();
$_SESSION['archivers'] = $connector->archivers(); // expect: held-across-slow-call
session_apply_changes($sessionSnapshot);
