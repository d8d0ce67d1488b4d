<?php
// A project function whose result depends only on its arguments and on `ini_get()` is a
// predicate like a builtin: `setting_on('session.use_cookies')` tested in one helper and in
// another gives the same answer until an `ini_set()` of that key; a variable assigned from it
// holds the same truth; a literal argument (`close_if(true)`) decides the callee's tests of
// that parameter (with a literal default); and `@ini_set('session.…', …) === false` (PHP refuses a session setting only
// while a session is active, or after output) is not a way a closed session gets reopened.
declare(strict_types=1);

function setting_on(string $name): bool
{
    $value = ini_get($name);
    return preg_match('~^(on|true|yes)$~i', (string) $value) || (int) $value;
}

function open_if_cookieless(): void
{
    if (!setting_on('session.use_cookies')) {
        session_start();
    }
}

function close_if_cookieless(): void
{
    $cookies = setting_on('session.use_cookies');
    if (!$cookies) {
        session_write_close();
    }
}

function close_if(bool $force = false): void
{
    if ($force) {
        session_write_close();
    }
    probe();
    if ($force) {
        probe(); // @state: closed
    }
}

function same_wrapper_in_two_helpers(): void
{
    open_if_cookieless();
    probe(); // @state: maybe-open
    close_if_cookieless();
    probe(); // @state: closed
}

function literal_argument_decides(): void
{
    session_start();
    close_if(true);
    probe(); // @state: closed
}

function setting_change_is_a_new_question(): void
{
    open_if_cookieless();
    ini_set('session.use_cookies', '1');
    close_if_cookieless();
    probe(); // @state: maybe-open
}

function refused_setting_reopens_nothing(): void
{
    session_start();
    session_write_close();
    if (@ini_set('session.use_cookies', false) === false) {
        session_start();
    }
    probe(); // @state: closed
}
