<?php
// Clean, reduced from Adminer's compiled single file (adminer.php): one top level tests many
// constants next to its session code (an entry script starts with a `defined()` fact for each),
// and turns the cookie and the cache limiter off before the reopen after output. A state keeps
// at most a few facts: the cookie setting must not be the one pushed out.
if (!defined('SID')) {
    session_cache_limiter('');
    session_start();
}
if (!defined('A1')) { $a = 1; }
if (!defined('A2')) { $a = 2; }
if (!defined('A3')) { $a = 3; }
if (!defined('A4')) { $a = 4; }
if (!defined('A5')) { $a = 5; }
if (!defined('A6')) { $a = 6; }
if (!defined('A7')) { $a = 7; }
if (!defined('A8')) { $a = 8; }
$_SESSION['seen'] = true;
session_write_close();
ini_set('session.use_cookies', '0');

function restart_session() {
    if (!ini_get('session.use_cookies')) {
        session_start();
    }
}

function cached_list() {
    echo 'Loading...';
    flush();
    restart_session();
    $_SESSION['list'] = [1, 2, 3];
    session_write_close();
}

cached_list();
