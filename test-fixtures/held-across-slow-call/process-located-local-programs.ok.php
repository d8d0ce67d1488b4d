<?php
// daloRADIUS config-crontab.php and maintenance_radclient.php: a program's path looked up with
// `which x || command -v x` (in a group whose errors go to /dev/null, line break removed with
// `str_replace()`), then run: `crontab -r`, `crontab FILE` and `crontab -l` read or replace one
// user's crontab file, and the lookup itself is local. None is slow work.
declare(strict_types=1);

function install_crontab(string $file): void
{
    session_start();
    $crontab = str_replace("\n", '', (string) shell_exec('which crontab || command -v crontab'));
    exec(sprintf('%s -r', $crontab));
    exec(sprintf('%s %s', $crontab, escapeshellarg($file)), $output, $code);
    $_SESSION['crontab'] = shell_exec(sprintf('%s -l 2>&1', $crontab));
    exec('(which radclient || command -v radclient) 2> /dev/null', $found, $result);
    $_SESSION['radclient'] = $result === 0 ? $found[0] : false;
}
