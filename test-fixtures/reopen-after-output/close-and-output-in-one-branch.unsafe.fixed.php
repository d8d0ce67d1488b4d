<?php
// The session is closed and output sent in one branch only, and reopened after it for a write.
// The reopen after output is reported; the unsafe fix switches the cookie and the cache limiter
// off right after the close, once: applied again, it adds nothing (the fix loop ends).
declare(strict_types=1);

session_start();
$handle = fopen('/var/log/app.log', 'r');
if ($handle) {
    session_write_close();
    ini_set('session.use_cookies', '0');
    ini_set('session.cache_limiter', '');
    while (($line = fgets($handle)) !== false) {
        echo htmlspecialchars($line) . "<br>\n";
        flush();
    }
    fclose($handle);
}
session_start(); // expect: reopen-after-output
$_SESSION['log_viewed'] = time();
