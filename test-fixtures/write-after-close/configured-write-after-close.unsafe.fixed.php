<?php
// A write lost after the close that runs only when a setting is changed from the value the
// project ships (phpMyAdmin's URL encryption key, Crypto::getEncryptionKey(), written while
// building a link only with URLQueryEncryption on, shipped `false` in config.default.php and
// read through `Config::get()` on the global `$config`, typed by the docblock where it is
// assigned) is `info` and names the setting. A write after the same close that is lost
// whatever the settings is what the finding is told from, also when one call leads to both.

$cfg['URLQueryEncryption'] = false;

class Config
{
    private array $settings = [];

    public function get(string $setting)
    {
        if (isset($this->settings[$setting])) {
            return $this->settings[$setting];
        }
        return null;
    }
}

class Common
{
    public static function run(object $container): void
    {
        global $config;
        /** @var Config $config */
        $config = $container->get('config');
    }
}
class Crypto
{
    public function key(): string
    {
        $key = $_SESSION['secret'] ?? null;
        if (is_string($key)) {
            return $key;
        }
        $key = random_bytes(32);
        $_SESSION['secret'] = $key;
        return $key;
    }
}

class Url
{
    public static function query(array $params, bool $encrypt = true): string
    {
        global $config;
        if (!$encrypt || !$config->get('URLQueryEncryption')) {
            return http_build_query($params);
        }
        return base64_encode((new Crypto())->key() . http_build_query($params));
    }
}

function show_link(): void
{
    session_start();
    $_SESSION['seen'] = true;
    session_write_close();
    session_start();
    echo Url::query(['db' => 'x']); // expect: write-after-close@info "This write runs only when `\$config->get\('URLQueryEncryption'\)` holds, which needs the setting `\$cfg\['URLQueryEncryption'\]`"
    session_write_close();
}

function show_link_and_message(): void
{
    session_start();
    $_SESSION['seen'] = true;
    session_write_close();
    echo Url::query(['db' => 'x']);
    $_SESSION['message'] = 'Done'; // expect: write-after-close@warning
}

function render_page(): void
{
    echo Url::query(['db' => 'y']);
    $_SESSION['last'] = 'page';
}

function show_page(): void
{
    session_start();
    $_SESSION['seen'] = true;
    session_write_close();
    session_start();
    render_page(); // expect: write-after-close@warning
    session_write_close();
}
