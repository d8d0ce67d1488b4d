<?php
// A project session store whose read() takes a file lock, as PHP's own file store does: the lock is real and the
// finding keeps its severity.
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
session_write_close();
sleep(5); // expect: held-across-slow-call@warning
session_start();
$_SESSION['polled_at'] = time();
session_write_close();
