<?php
// Catalog coverage for external processes: each handler holds the session while a child process
// runs (exec, system, passthru, popen, proc_open with a command line or an array, backticks).
// One finding each, `warning`: programs known to take time, and `tail -f`, which follows a
// file until killed (`tail -n 200` alone reads its end and exits: short).
declare(strict_types=1);

function transcode_upload(): void
{
    session_start();
    $source = (string) ($_SESSION['upload_path'] ?? '');
    $target = preg_replace('/\.\w+$/', '.mp4', $source);
    exec('ffmpeg -y -i ' . escapeshellarg($source) . ' ' . escapeshellarg((string) $target) . ' 2>&1', $output, $code); // expect: held-across-slow-call@warning
    $_SESSION['transcode_ok'] = $code === 0;
}

function rebuild_search_index(): void
{
    session_start();
    if (empty($_SESSION['is_admin'])) {
        return;
    }
    system('php ' . escapeshellarg(__DIR__ . '/bin/reindex.php') . ' --all', $code); // expect: held-across-slow-call@warning
    $_SESSION['reindexed_at'] = time();
}

function zip_download(): void
{
    session_start();
    $folder = '/srv/shares/' . basename((string) ($_SESSION['share'] ?? 'public'));
    header('Content-Type: application/zip');
    header('Content-Disposition: attachment; filename="share.zip"');
    passthru('cd ' . escapeshellarg($folder) . ' && zip -qr - .'); // expect: held-across-slow-call@warning
}

function tail_job_log(): void
{
    session_start(['read_and_close' => true]); // expect: prefer-read-and-close
    $jobId = (int) ($_SESSION['job_id'] ?? 0);
    $pipe = popen('tail -n 200 -f /var/log/jobs/' . $jobId . '.log', 'r'); // expect: held-across-slow-call@warning "running `tail -f`"
    if ($pipe !== false) {
        echo stream_get_contents($pipe);
        pclose($pipe);
    }
}

function lint_snippet(): void
{
    session_start();
    $code = (string) ($_SESSION['draft_snippet'] ?? '');
    $process = proc_open(['php', '-l'], [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes); // expect: held-across-slow-call@warning "running `php`"
    if (is_resource($process)) {
        fwrite($pipes[0], $code);
        fclose($pipes[0]);
        $_SESSION['lint_result'] = stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        proc_close($process);
    }
}

function deployed_revision(): string
{
    session_start();
    $_SESSION['viewed_about'] = true;
    $revision = trim((string) `git -C /srv/app ls-remote origin HEAD`); // expect: held-across-slow-call@warning "running `git ls-remote`"
    return $revision;
}
