<?php
// A project wrapper that checks a command line and runs it (`safe_exec($cmd)`, and one that
// passes its own parameter on): each call writes the command, and every program it names is
// short (a log's last lines, a link removed), so no call is slow work. Twin:
// `process-command-through-wrapper.php`, where a call runs a database dump.
function safe_exec($cmd)
{
    foreach ([';', '|', '`', '$'] as $bad) {
        if (strpos($cmd, $bad) !== false) {
            die('unsafe command');
        }
    }
    $out = [];
    exec($cmd, $out);
    return $out;
}

function quiet_exec($cmd)
{
    return safe_exec($cmd . ' 2>/dev/null');
}

session_start();
$lines = (int) ($_GET['lines'] ?? 100);
$_SESSION['log'] = safe_exec('tail -n ' . $lines . ' ' . escapeshellarg('/var/log/app/error.log'));
quiet_exec('rm -f ' . escapeshellarg('/var/www/cgi-bin/perl-link'));
