<?php
// Two pages hash a password with an external program while their session is open (one cause:
// one finding here, counting both pages). recover.php then also sends a mail: that is other
// slow work of its own, and the grouping must not hide it behind this one.
declare(strict_types=1);

function hash_password(string $password): string
{
    $process = proc_open(['php', __DIR__ . '/hash-password.php'], [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes); // expect: held-across-slow-call "Reached from 2 call sites"
    fwrite($pipes[0], $password);
    fclose($pipes[0]);
    $hash = (string) stream_get_contents($pipes[1]);
    proc_close($process);
    return trim($hash);
}
