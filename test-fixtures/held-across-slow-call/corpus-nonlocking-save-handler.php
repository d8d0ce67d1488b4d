<?php
// MediaWiki (PHPSessionHandler, object cache): a project save handler that takes no lock, so session_start() blocks no
// other request: the finding is only info, and says which store makes it moot.
class CacheSessionHandler implements SessionHandlerInterface {
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}
session_set_save_handler(new CacheSessionHandler(), true);
session_start(); sleep(5); // expect: held-across-slow-call@info "is installed on every path here .* if this store is used"
$_SESSION['polled_at'] = time();
