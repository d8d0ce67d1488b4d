<?php
// Catalog coverage for streaming output and waiting: fpassthru, stream_copy_to_stream, sleep and
// time_sleep_until, each with the session held. One finding each.
declare(strict_types=1);

function send_attachment(string $path): void
{
    session_start();
    $_SESSION['downloads'] = (int) ($_SESSION['downloads'] ?? 0) + 1;
    header('Content-Type: application/octet-stream');
    $fh = fopen($path, 'rb');
    fpassthru($fh); // expect: held-across-slow-call
    fclose($fh);
}

function store_upload(): void
{
    session_start();
    $target = '/srv/uploads/' . session_id() . '-' . basename((string) $_FILES['file']['name']);
    $in = fopen($_FILES['file']['tmp_name'], 'rb');
    $out = fopen($target, 'wb');
    stream_copy_to_stream($in, $out); // expect: held-across-slow-call
    fclose($in);
    fclose($out);
    $_SESSION['uploads'][] = $target;
}

function wait_before_retry(): void
{
    session_start();
    $retries = (int) ($_SESSION['sms_retries'] ?? 0);
    $_SESSION['sms_retries'] = $retries + 1;
    sleep(5); // expect: held-across-slow-call
    echo 'retrying';
}

function release_at_next_minute(): void
{
    session_start();
    $_SESSION['queued'] = true;
    time_sleep_until((float) (intdiv(time(), 60) + 1) * 60); // expect: held-across-slow-call
    echo 'released';
}
