<?php
// Reduced from Adminer (bootstrap.inc.php, auth.inc.php stop_session(true)): the session is
// read, then closed with the cookie and the cache limiter off, so it can be reopened after output.
session_cache_limiter('');
session_start();
session_write_close();
ini_set('session.use_cookies', '0');

function restart_session() {
    if (!ini_get('session.use_cookies')) {
        session_start();
    }
}
