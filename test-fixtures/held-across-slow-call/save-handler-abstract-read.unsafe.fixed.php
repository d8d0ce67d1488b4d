<?php
// A base class installs itself with `[$this, 'read']` and declares read() abstract: the store's code is its subclasses'
// read(). The one implementation takes a file lock, so the store locks and the finding keeps its severity.
abstract class BaseStore {
    public function register() {
        session_set_save_handler([$this, 'open'], [$this, 'close'], [$this, 'read'], [$this, 'write'], [$this, 'destroy'], [$this, 'gc']);
    }
    public function open($path, $name) { return true; }
    public function close() { return true; }
    abstract public function read($id);
    public function write($id, $data) { return true; }
    public function destroy($id) { return true; }
    public function gc($max) { return 0; }
}
class LockingFileStore extends BaseStore {
    public function read($id) {
        $fp = fopen("/var/lib/app/sessions/$id", 'c+');
        flock($fp, LOCK_EX);
        return (string) stream_get_contents($fp);
    }
}
$store = new LockingFileStore();
$store->register();
session_start();
session_write_close();
sleep(3); // expect: held-across-slow-call@warning
session_start();
$_SESSION['polled_at'] = time();
session_write_close();
