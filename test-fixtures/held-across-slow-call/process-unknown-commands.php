<?php
// A program that is not a short local utility, a program the code computes, a line that also
// runs another program, a subshell, and a subcommand that is not a short local one (`git
// fetch` talks to a remote) or that the code computes are slow work; so is resolving a name that is not local.
// One region each.
declare(strict_types=1);

function graph(string $rrd): void
{
    session_start();
    $_SESSION['graph'] = $rrd;
    shell_exec('rrdtool graph - DEF:x=' . escapeshellarg($rrd) . ':x:AVERAGE'); // expect: held-across-slow-call "`shell_exec\(\)`"
}

function run_tool(string $tool): void
{
    session_start();
    $_SESSION['tool'] = $tool;
    exec($tool . ' --version'); // expect: held-across-slow-call "`exec\(\)`"
}

function ping_host(string $host): void
{
    session_start();
    $_SESSION['host'] = $host;
    shell_exec('uname -n; ping -c 1 ' . escapeshellarg($host)); // expect: held-across-slow-call "`shell_exec\(\)`"
}

function count_users(): void
{
    session_start();
    $_SESSION['users'] = shell_exec('echo $(getent passwd | wc -l)'); // expect: held-across-slow-call "`shell_exec\(\)`"
}

function resolve(string $host): void
{
    session_start();
    $_SESSION['ip'] = gethostbyname($host); // expect: held-across-slow-call "`gethostbyname\(\)`"
}

function update_checkout(): void
{
    session_start();
    $_SESSION['updated'] = true;
    shell_exec('git fetch --quiet origin'); // expect: held-across-slow-call "`shell_exec\(\)`"
}

function run_git(string $command): void
{
    session_start();
    $_SESSION['git'] = $command;
    shell_exec('git ' . $command); // expect: held-across-slow-call "`shell_exec\(\)`"
}
