<?php
// One request: its own load_data() and notify().
require __DIR__ . '/common.php';

function load_data()
{
    return file_get_contents('https://api.example.com/a');
}

function notify()
{
    mail('admin@example.com', 'refreshed', 'a');
}

function finish()
{
    session_write_close();
}

refresh();
