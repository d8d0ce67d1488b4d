<?php
// Twin of process-located-local-programs.ok.php: the program looked up the same way is
// `radclient`, which sends a RADIUS request to a server and waits for its answer.
declare(strict_types=1);

function test_user(string $server, string $secret, string $user): void
{
    session_start();
    $radclient = trim((string) shell_exec('(which radclient || command -v radclient) 2> /dev/null'));
    $cmd = sprintf('echo %s | %s -t 3 -r 3 %s auth %s 2>&1', escapeshellarg("User-Name=$user"), $radclient, escapeshellarg($server), escapeshellarg($secret));
    $_SESSION['result'] = shell_exec($cmd); // expect: held-across-slow-call@warning "running `radclient`"
}

// A group of commands runs each of them: here an archive of a whole folder.
function archive(string $dir): void
{
    session_start();
    exec('(cd ' . escapeshellarg($dir) . ' && tar czf /tmp/backup.tgz .) 2> /dev/null'); // expect: held-across-slow-call@warning "running `tar`"
    $_SESSION['archived'] = true;
}
