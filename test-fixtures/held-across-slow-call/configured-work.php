<?php
// Slow work that runs only when a setting is changed from the value the project ships is
// `info`, and the message names the setting and its shipped value. The shipped values are
// this file's top-level assignments (a project's configuration defaults file): an element of
// a global array (Postfix Admin's dovecot scheme), a global variable read through an accessor
// that builds its name (MantisBT's LDAP e-mail, its value passed through `config_eval()`), a
// method of a typed settings object whose values are an array keyed by the setting's name
// (phpMyAdmin's URL encryption, after an early exit the shipped value takes), and the right
// side of `&&` after a test of a local assigned from a setting (MantisBT's LDAP login).

define('ON', 1);
define('OFF', 0);
define('BASIC_AUTH', 1);
define('LDAP', 4);

$CONF['encrypt'] = 'md5crypt';
$g_use_ldap_email = OFF;
$g_login_method = BASIC_AUTH;
$cfg['remote_feed'] = false;
$CONF['notify'] = 'NO';

function config_eval($value)
{
    $result = $value;
    if (is_string($value) && strpos($value, '%') !== false) {
        $result = str_replace('%', '', $value);
    }
    return $result;
}

function config_get_global(string $name, $default = null)
{
    global $g_cache;
    $variable = 'g_' . $name;
    if (isset($g_cache[$variable])) {
        $value = $g_cache[$variable];
    } elseif (isset($GLOBALS[$variable])) {
        $value = config_eval($GLOBALS[$variable]);
    } else {
        return $default;
    }
    return $value;
}

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

function pacrypt(string $password): string
{
    global $CONF;
    if (preg_match('/^dovecot:/', $CONF['encrypt'])) {
        return (string) shell_exec('doveadm pw -s ' . escapeshellarg($password));
    }
    return md5($password);
}

function user_email(int $id): string
{
    if (ON == config_get_global('use_ldap_email') && $id > 0) {
        $link = ldap_connect('ldap://directory');
        ldap_start_tls($link);
    }
    return '';
}

function login(string $password): void
{
    session_start();
    $_SESSION['hash'] = pacrypt($password); // expect: held-across-slow-call@info "only when `preg_match\('/\^dovecot:/', \$CONF\['encrypt'\]\)` holds, which needs the setting `\$CONF\['encrypt'\]` changed from the value the project ships, `'md5crypt'`"
}

function profile(int $id): void
{
    session_start();
    $_SESSION['email'] = user_email($id); // expect: held-across-slow-call@info "only when `ON == config_get_global\('use_ldap_email'\)` holds, which needs the setting `\$g_use_ldap_email` \(read by `config_get_global\('use_ldap_email'\)`\) changed from the value the project ships, `OFF`"
}

function refresh_feed(Config $config): void
{
    session_start();
    $_SESSION['feed'] = true;
    if (!$config->get('remote_feed')) {
        return;
    }
    file_get_contents('https://example.com/feed'); // expect: held-across-slow-call@info "only when `\$config->get\('remote_feed'\)` holds, which needs the setting `\$cfg\['remote_feed'\]`"
}

function notify_admin(string $page): void
{
    global $CONF;
    session_start();
    $_SESSION['page'] = $page;
    if ($page === '' || strtoupper($CONF['notify']) !== 'YES') {
        throw new RuntimeException('nothing to send');
    }
    mail('admin@example.com', 'Visited', $page); // expect: held-across-slow-call@info "ships, `'NO'`"
}

function auto_create_user(string $user, string $password): bool
{
    $method = config_get_global('login_method');
    if ($method === BASIC_AUTH) {
        return true;
    } elseif ($method === LDAP && ldap_login($user, $password)) {
        return true;
    }
    return false;
}

function ldap_login(string $user, string $password): bool
{
    $link = ldap_connect('ldap://directory');
    return ldap_bind($link, $user, $password);
}

function sign_in(string $user, string $password): void
{
    session_start();
    $_SESSION['user'] = $user;
    auto_create_user($user, $password); // expect: held-across-slow-call@info "only when `\$method === LDAP` holds, which needs the setting `\$g_login_method`"
}
