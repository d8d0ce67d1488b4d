<?php
// A project session store whose read() takes a file lock: the request releases it before the slow work.
class FileStore implements SessionHandlerInterface {
    private $fp;
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false {
        $this->fp = fopen("/var/lib/app/sessions/$id", 'c+');
        flock($this->fp, LOCK_EX);
        return (string) stream_get_contents($this->fp);
    }
    public function write($id, $data): bool { return true; }
    public function destroy($id): bool { return true; }
    public function gc($max): int|false { return 0; }
}
session_set_save_handler(new FileStore(), true);
session_start();
$user = $_SESSION['user'] ?? null;
session_write_close();
sleep(5);
