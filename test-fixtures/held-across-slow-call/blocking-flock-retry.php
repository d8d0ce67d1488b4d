<?php
// A retry loop around a blocking `flock()` (no `LOCK_NB`): the call waits until it has the
// lock and returns false only on an error, so the back-off sleep and the deadline loop run
// only after that error. `info`, saying so (twin: `nonblocking-flock-retry.php`, where the
// lock is tried with `LOCK_NB` and the loop really polls).
declare(strict_types=1);

function safe_write(string $file, string $data): bool
{
    $fp = fopen($file, 'w');
    if ($fp === false) {
        return false;
    }
    $start = microtime(true);
    do {
        $canWrite = flock($fp, LOCK_EX);
        if (!$canWrite) {
            usleep(random_int(0, 100) * 1000);
        }
    } while (!$canWrite && (microtime(true) - $start) < 5);
    if ($canWrite) {
        fwrite($fp, $data);
        flock($fp, LOCK_UN);
    }
    fclose($fp);
    return $canWrite;
}

session_start();
safe_write(sys_get_temp_dir() . '/app.conf', 'x'); // expect: held-across-slow-call@info "only when `flock\(\)` fails"
$_SESSION['saved'] = true;
