<?php
// A log viewer sends every line of a log as it reads it, flushing each: the client downloads
// the whole file while the session stays locked (twin: `log-status-lines.ok.php`, which
// sends only a status number per line).
declare(strict_types=1);

session_start();
$_SESSION['log_viewed'] = time();
$handle = fopen((string) ($_SESSION['log'] ?? '/var/log/app.log'), 'r');
if ($handle) {
    session_write_close();
    while (($line = fgets($handle)) !== false) { // expect: held-across-slow-call
        echo htmlspecialchars($line) . "<br>\n";
        flush();
    }
    fclose($handle);
}
