<?php
// A write lost after the close that runs only where a configuration setting turns it on
// (phpMyAdmin's URL encryption key, Crypto::getEncryptionKey(), written while building a link
// only with URLQueryEncryption on) is `info` and names the setting. A write after the same
// close that is lost whatever the configuration is what the finding is told from, also when one
// call leads to both.
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
    echo Url::query(['db' => 'x']); // expect: write-after-close@info "This write runs only when `\$config->get\('URLQueryEncryption'\)` holds"
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
    render_page(); // expect: write-after-close@warning
}
