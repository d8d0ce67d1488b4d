<?php
// Reduced from MediaWiki (Setup.php, PHPSessionHandler): the store is installed behind a
// configuration check, and the session is started only when `Handler::isEnabled()`, which is
// `return self::$instance && …;`. `self::$instance` is a protected static that holds the store:
// unset when a request starts, set only by `install()` just before it installs the store, and
// kept across other classes' singletons and calls the analysis cannot resolve (only the class
// and its subclasses write it, and none of them does elsewhere). So wherever the
// session is open the store, which takes no lock, is installed: nothing to report.
class Handler implements SessionHandlerInterface
{
    protected static $instance = null;
    private $enable = true;

    public static function isEnabled(): bool
    {
        return self::$instance && self::$instance->enable;
    }

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

class Services
{
    private static $instance = null;

    public static function singleton(): Services
    {
        if (!self::$instance) {
            self::$instance = new self();
        }
        return self::$instance;
    }
}

if (!getenv('SESSION_FILES')) {
    Handler::install();
}
Services::singleton();
load_extensions();
if (Handler::isEnabled()) {
    session_start();
}
$feed = file_get_contents('https://feeds.example.com/news.xml');
