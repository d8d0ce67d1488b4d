<?php
// Not a guard against direct requests: `if (!defined('APP')) define('APP', 1);` defines the
// constant when it is undefined and goes on, so a request of this file alone runs all of it.
if (!defined('APP')) { define('APP', 1); }
echo 'x';
flush();
if (session_status() !== PHP_SESSION_ACTIVE) { session_start(); } // expect: reopen-after-output
