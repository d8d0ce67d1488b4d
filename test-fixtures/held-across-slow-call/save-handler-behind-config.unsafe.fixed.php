<?php
// A store that takes no lock, installed only when the configuration asks for it: on the other path PHP's own file
// store locks, so the finding is info and names the condition under which it holds (phpipam's Session_DB, Piwigo's
// PwgSession).
class CacheStore implements SessionHandlerInterface {
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}
$config = parse_ini_file(__DIR__ . '/config.ini');
if (!empty($config['cache_sessions'])) {
    session_set_save_handler(new CacheStore(), true);
}
session_start();
session_write_close();
sleep(5); // expect: held-across-slow-call@info "only when the session store `CacheStore` \(line 15\) is not installed: it is installed on some paths here only"
session_start();
$_SESSION['polled_at'] = time();
session_write_close();
