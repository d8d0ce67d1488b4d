<?php
// Reduced from MediaWiki (`PHPSessionHandler::install()`, `SessionBackend::checkPHPSession()`):
// `install()` switches the session cookie and the cache limiter off, then installs its store and
// sets the protected static `isEnabled()` reads. The start behind `isEnabled()` runs only after
// that install, wherever it ran, so it sends no header and works after output: `Page::show()`,
// analysed on its own, flushes before it, and nothing is lost.
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
            return;
        }
        self::$instance = new self();
        ini_set('session.use_cookies', 0);
        session_cache_limiter('');
        session_set_save_handler(self::$instance, true);
    }

    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}

class Backend
{
    public function persist(): void
    {
        if (Handler::isEnabled()) {
            session_start();
            $_SESSION['seen'] = time();
            session_write_close();
        }
    }
}

class Page
{
    public function show(Backend $backend): void
    {
        echo '<p>Saved.</p>';
        flush();
        $backend->persist();
    }
}
