<?php
// A pause of a millisecond between two writes to a helper program's pipe, reached from a
// `foreach` over the form's fields: it waits for nothing, so the region is `info`, told from
// the program the analysis cannot judge (not a warning from the pause); a `while` that sleeps as briefly may be waiting for its test, and a
// longer sleep per round is a real wait: both stay warnings.
declare(strict_types=1);

function hash_with_helper(string $password): string
{
    $pipe = proc_open(['doveadm', 'pw', '-s', 'SHA512-CRYPT'], [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes);
    fwrite($pipes[0], $password . "\n");
    usleep(1000);
    fwrite($pipes[0], $password . "\n");
    fclose($pipes[0]);
    $hash = (string) fread($pipes[1], 200);
    proc_close($pipe);
    return $hash;
}

function save_fields(array $fields): void
{
    session_start();
    $_SESSION['saved'] = true;
    foreach ($fields as $name => $value) { // expect: held-across-slow-call@info "running `doveadm`"
        if ($name === 'password') {
            $value = hash_with_helper((string) $value);
        }
        $_SESSION['fields'][$name] = $value;
    }
}

function wait_for_lock_file(string $path): void
{
    session_start();
    $_SESSION['waiting'] = true;
    while (!file_exists($path)) { // expect: held-across-slow-call@warning "`usleep\(\)`"
        usleep(1000);
    }
}

function notify_each(array $users): void
{
    session_start();
    $_SESSION['notified'] = count($users);
    foreach ($users as $user) { // expect: held-across-slow-call@warning "`sleep\(\)`"
        error_log('notify ' . $user);
        sleep(1);
    }
}
