<?php
// The same handler called with `/quit`: the `switch` enters the destroy, and the write after
// the call is lost.
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

handle('/quit');
$_SESSION['q'] = 'x'; // expect: write-after-close
