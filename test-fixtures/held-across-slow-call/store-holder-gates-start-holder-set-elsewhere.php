<?php
// The twin of `store-holder-gates-start.ok.php` where the static that holds the store is also set
// by `use()`, with any handler object and no store installed: `isEnabled()` may be true where
// `install()` never ran, on PHP's own file store, which locks.
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

    public static function use(Handler $handler): void
    {
        self::$instance = $handler;
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
            Quiet::call('session_start'); // expect: prefer-read-and-close@info
        }
    }
}

class Page
{
    public function run(Backend $backend): void
    {
        $backend->persist();
        $feed = file_get_contents('https://feeds.example.com/news.xml'); // expect: held-across-slow-call
        echo $feed;
    }
}
