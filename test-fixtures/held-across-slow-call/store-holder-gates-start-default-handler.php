<?php
// The twin of `store-holder-gates-start.ok.php` with PHP's own file store: `install()` sets the
// flag `isEnabled()` reads but installs no handler (it only tunes the cookie), so the start
// behind the flag locks, and `Page::run()` holds the lock across the download.
class Handler
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
        ini_set('session.cookie_httponly', '1');
    }
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
