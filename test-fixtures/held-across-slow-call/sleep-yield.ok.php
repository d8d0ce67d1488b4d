<?php
// A sleep shorter than a millisecond only yields the CPU: not slow work. A loop that waits on
// the clock and only yields between rounds spins on a local condition (a lock directory held
// for a moment by another request), not a polling wait.
declare(strict_types=1);

function new_list_id(array $used): string
{
    $id = '';
    while ($id === '' || in_array($id, $used, true)) {
        if ($id !== '') {
            usleep(1);
        }
        $id = 'l' . md5(microtime());
    }
    return $id;
}

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
        usleep(50);
    } while ($locked === false);
}

session_start();
$_SESSION['lists'][] = new_list_id($_SESSION['lists'] ?? []);
lock_directory(sys_get_temp_dir() . '/app.lock');
$_SESSION['saved'] = true;
