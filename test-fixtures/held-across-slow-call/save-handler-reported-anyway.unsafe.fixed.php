<?php
// With "reportNonLockingStores" (--report-non-locking-stores), a store that visibly takes no lock counts as PHP's own
// file store: the finding is reported at its own severity.
class CacheStore implements SessionHandlerInterface {
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}
session_set_save_handler(new CacheStore(), true);
session_start();
session_write_close();
sleep(5); // expect: held-across-slow-call@warning
session_start();
$_SESSION['polled_at'] = time();
session_write_close();
