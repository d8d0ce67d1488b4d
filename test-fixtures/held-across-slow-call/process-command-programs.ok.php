<?php
// Command lines whose every program is short and local (reductions of FusionPBX's system
// pages and helpers, elFinder's archiver probe, MantisBT's `dot -V`): the disk, the processes,
// the release, a directory, a UUID, a process id, the checkout's refs and status read through
// a variable the code picks in an `if`; a program asked only for its version or usage,
// through a constant; and a job started in the background with its output sent elsewhere.
// None is slow work.
declare(strict_types=1);

const TAR = 'tar';

function system_status(string $name, string $config_path, string $git, bool $solaris): void
{
    session_start();
    $_SESSION['disk'] = shell_exec("df / 2>&1");
    $_SESSION['cpu'] = shell_exec('ps -A -o pcpu');
    $_SESSION['pid'] = trim((string) shell_exec("ps -aux | grep $name | grep -v grep | awk '{print \$2}' | head -n 1"));
    $_SESSION['os'] = shell_exec("cat /etc/*{release,version}") . shell_exec("lsb_release -d -s");
    system('mkdir -p ' . $config_path);
    $_SESSION['uuid'] = trim((string) shell_exec('uuidgen'));
    $_SESSION['switch'] = exec('pidof freeswitch');
    exec('lsof -np ' . (int) $_SESSION['switch'] . ' | grep TCP', $connections);
    $_SESSION['tar'] = exec(TAR . ' --version');
    exec('dot -V 2>&1', $dot);
    $git_exe = 'git';
    if ($solaris) {
        $git_exe = shell_exec('which git');
    }
    exec($git_exe . ' --git-dir=' . $git . ' status', $status, $code);
    $_SESSION['commit'] = shell_exec($git_exe . ' --git-dir=' . $git . ' rev-parse HEAD');
    $shell_cmd = 'free -hw';
    $_SESSION['memory'] = shell_exec($shell_cmd);
    $shell_cmd = 'df -hP';
    $_SESSION['disks'] = shell_exec($shell_cmd);
    $command = "ps -aux | grep $name | grep -v grep | awk '{print \$2}' | head -n 1";
    $_SESSION['running'] = trim((string) shell_exec($command ?? ''));
    $job = popen(PHP_BINARY . ' ' . __DIR__ . '/send.php ' . escapeshellarg($name) . ' > /dev/null &', 'r');
    pclose($job);
}
