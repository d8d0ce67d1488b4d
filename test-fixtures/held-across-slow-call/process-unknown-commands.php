<?php
// A program known to take time (`rrdtool`, `ping` after a short `uname`, `git fetch` that talks
// to a remote) is slow work at `warning`; a program the code computes, a subshell and a
// subcommand the code computes may be short or not: slow work at `info`. Resolving a name that
// is not local is slow work. One region each.
declare(strict_types=1);

function graph(string $rrd): void
{
    session_start();
    $_SESSION['graph'] = $rrd;
    shell_exec('rrdtool graph - DEF:x=' . escapeshellarg($rrd) . ':x:AVERAGE'); // expect: held-across-slow-call@warning "`shell_exec\(\)` running `rrdtool`"
}

function run_tool(string $tool, string $args): void
{
    session_start();
    $_SESSION['tool'] = $tool;
    exec($tool . ' ' . $args); // expect: held-across-slow-call@info "`exec\(\)` running a command the analysis cannot read"
}

function ping_host(string $host): void
{
    session_start();
    $_SESSION['host'] = $host;
    shell_exec('uname -n; ping -c 1 ' . escapeshellarg($host)); // expect: held-across-slow-call@warning "running `ping`"
}

function count_users(): void
{
    session_start();
    $_SESSION['users'] = shell_exec('echo $(getent passwd | wc -l)'); // expect: held-across-slow-call@info "`shell_exec\(\)`"
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
    shell_exec('git fetch --quiet origin'); // expect: held-across-slow-call@warning "running `git fetch`"
}

function run_git(string $command): void
{
    session_start();
    $_SESSION['git'] = $command;
    shell_exec('git ' . $command); // expect: held-across-slow-call@info "running `git` \(a program not known to take time\)"
}
