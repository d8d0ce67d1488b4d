<?php
// Command lines judged by their programs (reductions of FusionPBX's fax, recording and upgrade
// pages): a program known to take time is slow work at `warning` wherever the code builds it
// (a variable built with `=` then `.=`, either outcome of `?:`, the program a `which` run
// names, `sprintf()`, an environment assignment before it, the default of the class's property
// that holds the program's path, the path a setting ships with); a program the catalog does not
// list, or a command line the analysis cannot read, is slow work at `info`. One region each.
declare(strict_types=1);

$conf['rrdtool'] = '/usr/bin/rrdtool';

function graph_limits(string $rrd): void
{
    global $conf;
    session_start();
    $_SESSION['rrd'] = $rrd;
    $command = $conf['rrdtool'] . ' graph /dev/null ' . "DEF:limits='$rrd':'sum':AVERAGE PRINT:limits:MAX:%.2lf";
    exec($command, $out); // expect: held-across-slow-call@warning "running `rrdtool`"
}

function to_pdf(string $file, bool $windows): void
{
    session_start();
    $_SESSION['file'] = $file;
    $command = $windows ? '' : 'export HOME=/tmp && ';
    $command .= 'libreoffice --headless --convert-to pdf ' . escapeshellarg($file);
    exec($command); // expect: held-across-slow-call@warning "running `libreoffice`"
}

function to_tiff(string $file): void
{
    session_start();
    $_SESSION['file'] = $file;
    $cmd = exec('which gs') . ' -q -sDEVICE=tiffg4 -sOutputFile=' . escapeshellarg($file . '.tif') . ' ' . escapeshellarg($file);
    exec($cmd); // expect: held-across-slow-call@warning "running `gs`"
}

function git_pull(): void
{
    session_start();
    $_SESSION['upgrading'] = true;
    exec("GIT_SSH_COMMAND='ssh -o StrictHostKeyChecking=no' git pull 2>&1", $response); // expect: held-across-slow-call@warning "running `git pull`"
}

function trim_recording(string $in, string $out): void
{
    session_start();
    $_SESSION['recording'] = $out;
    exec(sprintf('sox --ignore-length %s %s', escapeshellarg($in), escapeshellarg($out))); // expect: held-across-slow-call@warning "running `sox`"
}

function close_port(int $pid, int $fd): void
{
    session_start();
    $_SESSION['port'] = $fd;
    exec("gdb -p {$pid} -batch 'call close({$fd})'"); // expect: held-across-slow-call@info "running `gdb` \(a program not known to take time\)"
}

function run(string $command): void
{
    session_start();
    $_SESSION['command'] = $command;
    $pipe = popen($command, 'r'); // expect: held-across-slow-call@info "running a command the analysis cannot read"
    pclose($pipe);
}

function git_info(string $git, bool $solaris): string
{
    session_start();
    $git_exe = 'git';
    if ($solaris) {
        $git_exe = shell_exec('which git');
    }
    $_SESSION['git'] = $git;
    return (string) shell_exec($git_exe . ' --git-dir=' . $git . ' fetch'); // expect: held-across-slow-call@warning "running `git fetch`"
}

class Waveform
{
    public static $soxCommand = 'sox';
    public static $lameBinaryPath = '/usr/bin/lame';

    public function samples(string $file): void
    {
        session_start();
        $_SESSION['file'] = $file;
        $command = self::$soxCommand . ' ' . escapeshellarg($file) . ' -c 1 -t raw -';
        $process = proc_open($command, [1 => ['pipe', 'w']], $pipes); // expect: held-across-slow-call@warning "running `sox`"
        proc_close($process);
    }

    public function toMp3(string $wav): void
    {
        session_start();
        $_SESSION['wav'] = $wav;
        $cmd = sprintf('%s -m m -b 32 %s -', self::$lameBinaryPath, escapeshellarg($wav));
        $process = proc_open($cmd, [1 => ['pipe', 'w']], $pipes); // expect: held-across-slow-call@warning "running `lame`"
        proc_close($process);
    }
}

// A converter's path from a constant, written between quotes for the spaces of a Windows path.
define('ANTIWORD_PATH', "C:\\Program Files\\antiword\\antiword.exe");

function doc_to_text(string $file): void
{
    session_start();
    $_SESSION['file'] = $file;
    exec('"' . ANTIWORD_PATH . '" -m 8859-1.txt ' . escapeshellarg($file), $lines); // expect: held-across-slow-call@warning "running `antiword`"
}

// The parameter is assigned only on the Windows branch: where it is run as given, its value is
// the caller's, never the Windows wrapper's.
function run_converter(string $command): void
{
    session_start();
    $_SESSION['converted'] = true;
    if (PHP_OS_FAMILY === 'Windows') {
        $command = sprintf('cmd.exe /C "%s"', $command);
        (new COM('WScript.Shell'))->Run($command, 0, true);
    } else {
        exec($command, $lines); // expect: held-across-slow-call@info "running a command the analysis cannot read"
    }
}
