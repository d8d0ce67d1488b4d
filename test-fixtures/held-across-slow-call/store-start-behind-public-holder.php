<?php
// Positive twin of corpus-store-start-behind-is-enabled.ok.php: the property that holds the
// store is public, so code anywhere may set it, and nothing shows it is unset when the request
// starts: `Handler::isEnabled()` may be true where `install()` did not run, with PHP's file
// store, which locks.
class Handler implements SessionHandlerInterface
{
    public static $instance = null;
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
$feed = file_get_contents('https://feeds.example.com/news.xml'); // expect: held-across-slow-call@info "installed on some paths here only"
