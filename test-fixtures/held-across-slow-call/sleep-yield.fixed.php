<?php
// A sleep of a millisecond or more is a wait: one round of the lock-directory loop below sleeps
// 10 ms, so the loop polls until its deadline.
declare(strict_types=1);

function lock_directory(string $dir): void
{
    $start = time();
    do {
        if ((time() - $start) > 3) {
            break;
        }
        $locked = @mkdir($dir);
        if ($locked) {
            break;
        }
        usleep(10000);
    } while ($locked === false);
}

session_start();
$_SESSION['saved'] = true;
session_write_close();
lock_directory(sys_get_temp_dir() . '/app.lock'); // expect: held-across-slow-call "which polls in a loop.*up to 3 s"
