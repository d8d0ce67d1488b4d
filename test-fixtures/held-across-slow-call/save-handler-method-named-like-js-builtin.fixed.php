<?php
// A store whose read() calls methods named like members every JavaScript object has
// (`constructor`, `valueOf`, `hasOwnProperty`): reading the store must not fail on them
// (seen on Matomo: every file of the project was reported as an internal error).
class ValueStore implements SessionHandlerInterface {
    private $db;
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false {
        $this->db->constructor('sessions');
        $this->db->hasOwnProperty('nx');
        return (string) $this->db->valueOf('nx');
    }
    public function write($id, $data): bool { return true; }
    public function destroy($id): bool { return true; }
    public function gc($max): int|false { return 0; }
}

session_set_save_handler(new ValueStore(), true);
session_start();
session_write_close();
sleep(5); // expect: held-across-slow-call@info "if this store is used"
