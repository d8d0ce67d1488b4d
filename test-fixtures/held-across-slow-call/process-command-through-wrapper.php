<?php
// Twin of `process-command-through-wrapper.ok.php`: the same wrappers, given a database dump,
// a program known to take time: `warning`, the program named through both wrappers.
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

function backup()
{
    session_start();
    quiet_exec('mysqldump --all-databases -r ' . escapeshellarg('/var/backups/all.sql')); // expect: held-across-slow-call@warning "running `mysqldump`"
    $_SESSION['backup'] = time();
}
