<?php
// `return A && B;` is a condition: its true outcomes reach the function's truthy exit, its
// false ones the falsy exit, so a caller testing the result knows what `A` and `B` proved
// (a session test, a class's private static). A private static is written only by its class:
// another class's `$on`, a helper that writes object properties by computed names, and calls
// the analysis cannot resolve leave what is known of it; a protected static may also be written
// by a subclass, which does forget it.
// A helper that can only return true never takes the caller's false branch.
declare(strict_types=1);

function is_active(): bool
{
    return session_status() === PHP_SESSION_ACTIVE && !headers_sent();
}

function always(): bool
{
    return true;
}

class Flag
{
    private static $on = null;

    public static function set(): void
    {
        self::$on = true;
    }

    public static function isOn(): bool
    {
        return isset(self::$on);
    }
}

class Other
{
    public static $on = false;

    public static function reset(): void
    {
        self::$on = false;
    }
}

class Base
{
    protected static $ready = null;

    public static function ready(): void
    {
        self::$ready = true;
    }

    public static function isReady(): bool
    {
        return isset(self::$ready);
    }
}

class Child extends Base
{
    public static function clear(): void
    {
        self::$ready = null;
    }
}

function configure(object $app, array $settings): void
{
    foreach ($settings as $name => $value) {
        $app->$name = $value;
    }
}

function active_after_maybe_start(bool $start): void
{
    if ($start) {
        session_start();
    }
    if (is_active()) {
        probe(); // @state: open
    }
    probe(); // @state: maybe-open
}

function only_true(): void
{
    session_start();
    if (!always()) {
        session_write_close();
    }
    probe(); // @state: open
}

function private_static_kept($app): void
{
    Flag::set();
    Other::reset();
    configure($app, ['debug' => true]);
    $app->boot();
    boot_plugins();
    if (!Flag::isOn()) {
        session_start();
    }
    probe(); // @state: closed
}

function protected_kept_then_cleared_by_subclass($app): void
{
    Base::ready();
    $app->boot();
    if (!Base::isReady()) {
        session_start();
    }
    probe(); // @state: closed
    Child::clear();
    if (!Base::isReady()) {
        session_start();
    }
    probe(); // @state: maybe-open
}
