<?php
// The same check written with in_array() over command-line SAPIs, ending with a throw.
namespace App\Console;

if (!in_array(PHP_SAPI, ['cli', 'phpdbg'], true)) {
    throw new \RuntimeException('This is a console script.');
}

session_start();
sleep(10);
$_SESSION['done'] = true;
