<?php
// The twin of `store-installed-before-every-start.ok.php`: `start()` installs the lock-free store
// before its start only when the configuration asks for it, so one start runs on PHP's own file
// store, which locks: the finding stays, as an info naming the store.
class DbHandler implements SessionHandlerInterface {
    public function open(string $p, string $n): bool { return true; }
    public function close(): bool { return true; }
    public function read(string $id): string|false { return ''; }
    public function write(string $id, string $d): bool { return true; }
    public function destroy(string $id): bool { return true; }
    public function gc(int $l): int|false { return 0; }
}
class Session {
    private $handler;
    public function start(bool $database): void {
        if (isset($_SESSION)) { return; }
        if ($database) {
            $this->handler = new DbHandler();
            session_set_save_handler($this->handler);
        }
        session_start(['read_and_close' => true]); // expect: prefer-read-and-close@info
    }
}
$s = new Session();
$s->start(!empty($_GET['db']));
session_write_close();
$page = file_get_contents('https://example.com/feed'); // expect: held-across-slow-call@info "it is installed on some paths here only"
echo $page;
