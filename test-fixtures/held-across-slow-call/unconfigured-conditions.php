<?php
// Conditions that read something other than configuration do not lower slow work: a
// parameter named like options, a value of the request, the unit's own array, a setting
// name the code computes, a configuration test next to a request value in `||`, an early
// exit on a request value; and tests that hold when a setting is left unset or off (what an
// installation that configures nothing runs: MantisBT's e-mail check when no domains are listed).

function export(array $options): void
{
    session_start();
    $_SESSION['export'] = true;
    if ($options['remote']) {
        file_get_contents('https://example.com/feed'); // expect: held-across-slow-call@warning
    }
}

function hook(): void
{
    session_start();
    $_SESSION['hook'] = true;
    if (!empty($_GET['hook'])) {
        shell_exec('/usr/local/bin/hook'); // expect: held-across-slow-call@warning
    }
}

function local_settings(): void
{
    $settings = ['notify' => true];
    session_start();
    $_SESSION['notify'] = true;
    if ($settings['notify']) {
        mail('admin@example.com', 'Notice', 'Body'); // expect: held-across-slow-call@warning
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
    return in_array($domain, $domains, true);
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

function config_get(string $name)
{
    return $GLOBALS['g_' . $name];
}
