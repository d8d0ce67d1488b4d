<?php
// MediaWiki (PHPSessionHandler, object cache): a project save handler that takes no lock, so session_start() blocks no
// other request: no lock finding is reported (the run's summary counts it and names the store).
class CacheSessionHandler implements SessionHandlerInterface {
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}
session_set_save_handler(new CacheSessionHandler(), true);
session_start(); sleep(5);
$_SESSION['polled_at'] = time();
