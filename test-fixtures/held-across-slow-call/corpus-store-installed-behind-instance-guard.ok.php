<?php
// Reduced from MediaWiki (PHPSessionHandler::install(), Setup.php): the store is installed
// behind `if (self::$instance) { …; return; }`, and what follows the guard sets
// `self::$instance`. Static properties start empty in every request, so the first call of a
// request gets past the guard and installs the store; a later call takes the guard's path only
// because an earlier one installed it. So the store, which takes no lock, is on every path.
class CacheStore implements SessionHandlerInterface
{
    private static $instance = null;

    public static function install(): void
    {
        if (self::$instance) {
            self::$instance->reuse();
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

CacheStore::install();
session_start();
$feed = file_get_contents('https://feeds.example.com/news.xml');
$_SESSION['feed'] = $feed;
