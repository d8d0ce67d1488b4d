<?php
// A database session store whose read() locks through a helper it calls: MySQL's GET_LOCK() in the SQL it runs.
class DbStore implements SessionHandlerInterface {
    public function __construct(private PDO $db) {}
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false {
        $this->lock($id);
        return (string) $this->db->query("SELECT data FROM sessions WHERE id = " . $this->db->quote($id))->fetchColumn();
    }
    private function lock(string $id): void {
        $this->db->query("SELECT GET_LOCK(" . $this->db->quote("sess_$id") . ", 30)");
    }
    public function write($id, $data): bool { return true; }
    public function destroy($id): bool { return true; }
    public function gc($max): int|false { return 0; }
}
session_set_save_handler(new DbStore(new PDO('mysql:host=localhost;dbname=app')), true);
session_start();
session_write_close();
$reply = file_get_contents('https://api.example.com/status'); // expect: held-across-slow-call@warning
session_start();
$_SESSION['status'] = $reply;
session_write_close();
