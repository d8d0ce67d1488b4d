<?php
// A retry loop around a non-blocking `flock()` (`LOCK_EX | LOCK_NB`): it returns false
// whenever another request holds the lock, so the loop polls, sleeping, for up to 5 s with the
// session held: a warning (twin: `blocking-flock-retry.php`, where the lock blocks).
declare(strict_types=1);

function safe_write(string $file, string $data): bool
{
    $fp = fopen($file, 'w');
    if ($fp === false) {
        return false;
    }
    $start = microtime(true);
    do {
        $canWrite = flock($fp, LOCK_EX | LOCK_NB);
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
session_write_close();
safe_write(sys_get_temp_dir() . '/app.conf', 'x'); // expect: held-across-slow-call@warning
session_start();
$_SESSION['saved'] = true;
session_write_close();
