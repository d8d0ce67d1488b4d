<?php
// The near miss of save-handler-typed-by-interface.ok.php: the one class implementing the interface locks the row it
// reads (SELECT … FOR UPDATE), so the lock is held across the download.
class DbTable implements \SessionHandlerInterface {
    public function __construct(private PDO $db) {}
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false {
        $statement = $this->db->prepare('SELECT data FROM session WHERE id = ? FOR UPDATE');
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
session_write_close();
$report = file_get_contents('https://api.example.com/report'); // expect: held-across-slow-call@warning
