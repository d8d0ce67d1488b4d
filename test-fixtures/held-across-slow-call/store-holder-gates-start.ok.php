<?php
// Reduced from MediaWiki (`SessionBackend::checkPHPSession()`, `PHPSessionHandler`): the start
// runs only when `Handler::isEnabled()`, which is `return self::$instance && …;`, and the
// protected static `$instance` is set nowhere but in `install()`, right before the handler, which
// takes no lock, is installed. `Page::run()` is analysed on its own (no entry here runs it): it
// does not see the install, but a start behind the set static runs behind the store, so no lock
// is held across the download. The start is by a callable handed to a helper, as MediaWiki's
// `AtEase::quietCall('session_start')`.
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
        session_write_close();
        session_set_save_handler(self::$instance, true);
    }

    public static function reset(): void
    {
        self::$instance = null;
    }

    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}

class Quiet
{
    public static function call(callable $callback)
    {
        return $callback();
    }
}

class Backend
{
    public function persist(): void
    {
        if (session_id() === '' && Handler::isEnabled()) {
            Quiet::call('session_start');
        }
    }
}

class Page
{
    public function run(Backend $backend): void
    {
        $backend->persist();
        $feed = file_get_contents('https://feeds.example.com/news.xml');
        echo $feed;
    }
}
