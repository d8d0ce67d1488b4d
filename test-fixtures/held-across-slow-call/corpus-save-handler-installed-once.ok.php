<?php
// MediaWiki (PHPSessionHandler::install()): the handler keeps itself in a static property, and install() returns early
// when it is already set, which happens only once an earlier call installed it. So the store is installed on every
// path past install(); its read() takes no lock (an object cache), so no lock finding is reported.
class CacheSessionHandler implements SessionHandlerInterface {
    private static $instance = null;
    public static function install() {
        if (self::$instance) {
            return;
        }
        self::$instance = new self();
        session_write_close();
        session_set_save_handler(self::$instance, true);
    }
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}
CacheSessionHandler::install();
session_start();
$ip = gethostbyname('stats.example.com');
$_SESSION['stats_ip'] = $ip;
