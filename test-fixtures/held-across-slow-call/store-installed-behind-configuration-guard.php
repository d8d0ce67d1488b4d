<?php
// Positive: the store is installed behind `if (self::$disabled) { …; return; }`, and nothing
// after the guard sets `self::$disabled` (the configuration does, elsewhere): the guard is not
// a one-time guard, the store is installed on some paths only, and PHP's file store locks on
// the others.
class CacheStore implements SessionHandlerInterface
{
    private static $instance = null;
    public static $disabled = false;

    public static function install(): void
    {
        if (self::$disabled) {
            self::$instance = null;
            return;
        }
        self::$instance = new self();
        session_set_save_handler(self::$instance, true);
    }

    public function reuse(): void {}
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}

CacheStore::$disabled = !empty(parse_ini_file(__DIR__ . '/config.ini')['no_cache']);
CacheStore::install();
session_start();
$feed = file_get_contents('https://feeds.example.com/news.xml'); // expect: held-across-slow-call@info "installed on some paths here only"
$_SESSION['feed'] = $feed;
