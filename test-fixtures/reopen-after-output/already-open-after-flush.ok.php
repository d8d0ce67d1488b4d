<?php
// A status guard after a flush: the session is still open there on every path, so the guarded
// session_start() never runs and nothing is reported.
declare(strict_types=1);

function ensure_session(): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
}

session_start();
$_SESSION['heartbeat'] = time();
echo str_repeat(' ', 1024);
flush();

ensure_session();
if (session_status() === PHP_SESSION_NONE) {
    session_start();
}
$_SESSION['heartbeat_done'] = true;
session_write_close();
