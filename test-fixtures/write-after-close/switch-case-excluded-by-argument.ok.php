<?php
// Reduced from AJAX-Chat: a command handler destroys the session only for `/quit`; the caller
// passes `/query`, so the `switch` enters `case '/query':` and never the destroy. The write
// after the call is made with the session open.
session_start();

function handle($text)
{
    switch ($text) {
        case '/quit':
            session_destroy();
            break;
        case '/query':
            break;
    }
}

handle('/query');
$_SESSION['q'] = 'x';
