<?php
// Matomo (core/Session.php): the database store (DbTable, no lock) is installed through a helper typed by the interface
// only once the application is installed; before, PHP's file store locks. The finding is info and names the class.
class DbTable implements \SessionHandlerInterface {
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return ''; }
    public function write($id, $data): bool { return true; }
    public function destroy($id): bool { return true; }
    public function gc($max): int|false { return 0; }
}
function install_store(\SessionHandlerInterface $h): void { session_set_save_handler($h, false); }
if (getenv('INSTALLED')) { install_store(new DbTable()); }
session_start();
session_write_close();
$r = file_get_contents('https://api.example.com/report'); // expect: held-across-slow-call@info "only when the session store `DbTable` \(line 12\) is not installed"
