<?php
// Slow work inside an `if` that reads only configuration runs only where the installation
// turned it on (a check hook, another password scheme, directory lookups): the analysis does
// not see the configuration, so it is `info`, and the message names the setting. Reduced from
// GOsa's password check hook, Postfix Admin's dovecot scheme and MantisBT's LDAP e-mail; and
// the code after an early exit taken when a setting is off (phpMyAdmin's URL encryption), and
// the right side of `&&` after a configuration test (MantisBT's LDAP login).

function check_hook($config, string $dn): array
{
    $command = $config->configRegistry->getPropertyValue('password', 'check');
    if (!empty($command)) {
        $process = proc_open($command, [0 => ['pipe', 'r']], $pipes);
        proc_close($process);
    }
    return [];
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

function config_get_global(string $name)
{
    return $GLOBALS['g_' . $name];
}

function change_password($config, string $dn): void
{
    session_start();
    $_SESSION['dn'] = $dn;
    check_hook($config, $dn); // expect: held-across-slow-call@info "only when `!empty\(\$command\)` holds, which reads the configuration \(`\$config->configRegistry->getPropertyValue\('password', 'check'\)`\)"
}

function login(string $password): void
{
    session_start();
    $_SESSION['hash'] = pacrypt($password); // expect: held-across-slow-call@info "only when `preg_match\('/\^dovecot:/', \$CONF\['encrypt'\]\)` holds"
}

function profile(int $id): void
{
    session_start();
    $_SESSION['email'] = user_email($id); // expect: held-across-slow-call@info "only when `ON == config_get_global\('use_ldap_email'\)` holds"
}

function refresh_feed($config): void
{
    session_start();
    $_SESSION['feed'] = true;
    if (!$config->get('remote_feed')) {
        return;
    }
    file_get_contents('https://example.com/feed'); // expect: held-across-slow-call@info "only when `\$config->get\('remote_feed'\)` holds"
}

function notify_admin(string $page): void
{
    global $CONF;
    session_start();
    $_SESSION['page'] = $page;
    if ($page === '' || !$CONF['notify']) {
        throw new RuntimeException('nothing to send');
    }
    mail('admin@example.com', 'Visited', $page); // expect: held-across-slow-call@info "only when `\$CONF\['notify'\]` holds"
}

function auto_create_user(string $user, string $password): bool
{
    $method = config_get_global('login_method');
    if ($method === 'basic') {
        return true;
    } elseif ($method === 'ldap' && ldap_login($user, $password)) {
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
    auto_create_user($user, $password); // expect: held-across-slow-call@info "only when `\$method === 'ldap'` holds, which reads the configuration \(`config_get_global\('login_method'\)`\)"
}
