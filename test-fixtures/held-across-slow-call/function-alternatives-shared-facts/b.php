<?php
// Another request: its own load_data() and a notify() that does nothing slow.
require __DIR__ . '/common.php';

function load_data()
{
    return file_get_contents('https://api.example.com/b');
}

function notify()
{
    error_log('refreshed b');
}

function finish()
{
    $_SESSION['finished'] = true;
}

refresh();
