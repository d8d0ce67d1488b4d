<?php
// A page that only reads the session, under a store of the project's own that takes no lock: read_and_close would
// give up nothing, so the finding says the lock is there only if a store that locks is used instead.
class CacheStore implements SessionHandlerInterface {
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}
session_set_save_handler(new CacheStore(), true);
session_start(["read_and_close" => true]); // expect: prefer-read-and-close@info "if this store is used"
$name = $_SESSION['name'] ?? 'guest';
session_write_close();
$weather = file_get_contents('https://weather.example.com/today'); // expect: held-across-slow-call@info
echo "Hello $name, $weather";
