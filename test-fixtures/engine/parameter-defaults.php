<?php
// A parameter whose default every caller keeps: the branches that test it are decided on
// entry. `save_settings()` is only ever called without `$plugin`, so its close never runs;
// `load_plugin()` is also called with a name, so both outcomes stay possible there; the call
// that writes the name (`load_plugin('gallery')`) decides the test, and closes.
declare(strict_types=1);

function save_settings(string $plugin = ''): void
{
    session_start();
    if ($plugin !== '') {
        session_write_close();
    }
    probe(); // @state: open
}

function settings_page(): void
{
    save_settings();
    probe(); // @state: open
}

function load_plugin(string $name = ''): void
{
    session_start();
    if ($name !== '') {
        session_write_close();
    }
    probe(); // @state: maybe-open
}

function plugin_page(): void
{
    load_plugin();
    probe(); // @state: open
    session_write_close();
    load_plugin('gallery');
    probe(); // @state: closed
}

function changed_before_the_test(bool $compact = false): void
{
    session_start();
    $compact = !$compact;
    if ($compact) {
        session_write_close();
    }
    probe(); // @state: maybe-open
}

function compact_page(): void
{
    changed_before_the_test();
}
