<?php
// phpipam (Session_DB): the user object installs a database store of callables (`array($this, '_read')`) only when the
// configuration asks for it; otherwise PHP's file store locks. The finding is info, names the store by its class, and
// says it holds only when that store is not installed.
class DbSessions {
    public function __construct(private PDO $db) {
        session_set_save_handler(
            array($this, '_open'),
            array($this, '_close'),
            array($this, '_read'),
            array($this, '_write'),
            array($this, '_destroy'),
            array($this, '_gc')
        );
    }
    public function _open($path, $name) { return true; }
    public function _close() { return true; }
    public function _read($id) { return (string) $this->db->query("SELECT data FROM sessions WHERE id = " . $this->db->quote($id))->fetchColumn(); }
    public function _write($id, $data) { return true; }
    public function _destroy($id) { return true; }
    public function _gc($max) { return 0; }
}
class User {
    public function __construct(PDO $db, string $storage) {
        if ($storage === 'database') {
            new DbSessions($db);
        }
        session_start();
    }
}
$user = new User(new PDO('sqlite::memory:'), (string) getenv('SESSION_STORAGE'));
session_write_close();
$page = file_get_contents('https://ripe.example.net/whois'); // expect: held-across-slow-call@info "only when the session store `DbSessions` \(line 7\) is not installed"
