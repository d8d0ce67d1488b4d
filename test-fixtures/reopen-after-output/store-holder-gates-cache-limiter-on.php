<?php
// The twin of `store-holder-gates-headerless-start.ok.php`: `install()` switches the cookie off
// but leaves PHP's cache limiter on, so the start behind `isEnabled()` still sends cache headers,
// which PHP refuses after output: the start fails and the write after it is lost.
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
        $backend->persist(); // expect: reopen-after-output
    }
}
