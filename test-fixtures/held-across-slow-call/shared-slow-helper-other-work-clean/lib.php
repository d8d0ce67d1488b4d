<?php
// The twin of shared-slow-helper-other-work with both pages closing the session before any
// slow work: no region, so neither the shared hashing nor the mail is reported.
declare(strict_types=1);

function hash_password(string $password): string
{
    $process = proc_open(['doveadm', 'pw', '-s', 'SHA512-CRYPT'], [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes);
    fwrite($pipes[0], $password);
    fclose($pipes[0]);
    $hash = (string) stream_get_contents($pipes[1]);
    proc_close($process);
    return trim($hash);
}
