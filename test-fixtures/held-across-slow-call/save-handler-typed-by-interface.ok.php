<?php
// Matomo (Zend_Session::setSaveHandler(\SessionHandlerInterface $saveHandler)): a helper installs the store it gets
// as a parameter typed by the interface. The project's one class that implements it reads a table without a lock, so
// there is no lock to hold: nothing is reported.
class DbTable implements \SessionHandlerInterface {
    public function __construct(private PDO $db) {}
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false {
        $statement = $this->db->prepare('SELECT data FROM session WHERE id = ?');
        $statement->execute([$id]);
        return (string) $statement->fetchColumn();
    }
    public function write($id, $data): bool { return true; }
    public function destroy($id): bool { return true; }
    public function gc($max): int|false { return 0; }
}
class Sessions {
    public static function setSaveHandler(\SessionHandlerInterface $saveHandler): void {
        session_set_save_handler($saveHandler, false);
    }
}
Sessions::setSaveHandler(new DbTable(new PDO('sqlite::memory:')));
session_start();
$report = file_get_contents('https://api.example.com/report');
