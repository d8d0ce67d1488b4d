<?php
// Slow work stays a warning when the shipped values run it, or when they are not known: a
// setting shipped on, one the project ships no value for, two different shipped values, one
// set inside an `if`, one a function changes at run time, an accessor that converts the value
// (like Postfix Admin's `Config::bool()`, here `true` for an empty one), a receiver whose class
// is not known, an array of the unit's own, a request value, a setting name the code computes,
// a shipped test next to a request value in `||`, an early exit on a request value, a shipped
// string passed through a function that may rewrite it (MantisBT's `config_eval()`), and a test
// that holds with the shipped value (MantisBT's e-mail check when no domains are listed).

$CONF['resolve'] = 'YES';
$CONF['ping'] = false;
$CONF['cache'] = false;
$CONF['archive'] = '';
$g_limit_email_domains = '';
$g_login_method = 'basic';
if (PHP_OS === 'WINNT') {
    $CONF['windows'] = false;
}
$CONF['runtime'] = false;
$CONF['level'] = true;
$CONF['level'] = false;

function enable_runtime(): void
{
    global $CONF;
    $CONF['runtime'] = true;
}

final class Settings
{
    private static array $values = [];

    public static function read(string $name)
    {
        if (isset(self::$values[$name])) {
            return self::$values[$name];
        }
        return null;
    }

    public static function missing(string $name): bool
    {
        $value = self::read($name);
        if (empty($value)) {
            return true;
        }
        return false;
    }
}

function config_get(string $name)
{
    return $GLOBALS['g_' . $name];
}

function config_eval($value)
{
    $result = $value;
    if (is_string($value) && strpos($value, '%') !== false) {
        $result = str_replace('%', '', $value);
    }
    return $result;
}

function config_get_evaluated(string $name)
{
    return config_eval($GLOBALS['g_' . $name]);
}

function rewritten_string(string $user): void
{
    session_start();
    $_SESSION['user'] = $user;
    if (config_get_evaluated('login_method') === 'ldap') {
        ldap_bind(ldap_connect('ldap://directory'), $user, 'secret'); // expect: held-across-slow-call@warning
    }
}

function shipped_on(string $domain): void
{
    global $CONF;
    session_start();
    $_SESSION['domain'] = $domain;
    if ($CONF['resolve'] == 'YES') {
        checkdnsrr($domain, 'MX'); // expect: held-across-slow-call@warning
    }
}

function not_shipped(): void
{
    global $CONF;
    session_start();
    $_SESSION['hook'] = true;
    if (!empty($CONF['hook'])) {
        shell_exec('/usr/bin/rsync -a /srv/data backup:/srv/data'); // expect: held-across-slow-call@warning
    }
}

function shipped_in_a_branch(): void
{
    global $CONF;
    session_start();
    $_SESSION['windows'] = true;
    if ($CONF['windows']) {
        sleep(5); // expect: held-across-slow-call@warning
    }
}

function shipped_twice(): void
{
    global $CONF;
    session_start();
    $_SESSION['level'] = true;
    if ($CONF['level']) {
        sleep(5); // expect: held-across-slow-call@warning
    }
}

function changed_at_run_time(): void
{
    global $CONF;
    session_start();
    $_SESSION['runtime'] = true;
    if ($CONF['runtime']) {
        sleep(5); // expect: held-across-slow-call@warning
    }
}

function converted(string $domain): void
{
    session_start();
    $_SESSION['converted'] = $domain;
    if (Settings::missing('archive')) {
        checkdnsrr($domain, 'MX'); // expect: held-across-slow-call@warning
    }
}

function unknown_receiver($config): void
{
    session_start();
    $_SESSION['feed'] = true;
    if ($config->get('ping')) {
        file_get_contents('https://example.com/feed'); // expect: held-across-slow-call@warning
    }
}

function local_settings(): void
{
    $settings = ['notify' => false];
    session_start();
    $_SESSION['notify'] = true;
    if ($settings['notify']) {
        mail('admin@example.com', 'Notice', 'Body'); // expect: held-across-slow-call@warning
    }
}

function hook(): void
{
    session_start();
    $_SESSION['hook'] = true;
    if (!empty($_GET['hook'])) {
        shell_exec('/usr/bin/rsync -a /srv/data backup:/srv/data'); // expect: held-across-slow-call@warning
    }
}

function computed(string $name): void
{
    session_start();
    $_SESSION['name'] = $name;
    if (config_get($name)) {
        sleep(5); // expect: held-across-slow-call@warning
    }
}

function either(): void
{
    global $CONF;
    session_start();
    $_SESSION['either'] = true;
    if ($CONF['ping'] || isset($_POST['ping'])) {
        sleep(5); // expect: held-across-slow-call@warning
    }
}

function requested(): void
{
    session_start();
    $_SESSION['requested'] = true;
    if (!isset($_GET['wait'])) {
        return;
    }
    sleep(5); // expect: held-across-slow-call@warning
}

function check_email(string $domain): bool
{
    $domains = config_get('limit_email_domains');
    if (empty($domains)) {
        return getmxrr($domain, $hosts);
    }
    return $domain === $domains;
}

function signup(string $domain): void
{
    session_start();
    $_SESSION['domain'] = $domain;
    check_email($domain); // expect: held-across-slow-call@warning
}

function when_off(): void
{
    global $CONF;
    session_start();
    $_SESSION['off'] = true;
    if ($CONF['cache'] == false) {
        sleep(5); // expect: held-across-slow-call@warning
    }
}
