<?php
// An export status endpoint polls with usleep() in a do ... while loop while holding the session;
// for do/while the loop is reported on the line of its while (...) condition.
declare(strict_types=1);

session_start();
$jobId = (string) ($_SESSION['export_job_id'] ?? '');
if ($jobId === '') {
    http_response_code(404);
    exit;
}

$deadline = microtime(true) + 20.0;
session_write_close();
do {
    $status = apcu_fetch("export-status:{$jobId}");
    if ($status === 'done' || $status === 'failed') {
        break;
    }
    usleep(250000);
} while (microtime(true) < $deadline); // expect: held-across-slow-call

session_start();
$_SESSION['export_status'] = $status;
session_write_close();
header('Content-Type: application/json');
echo json_encode(['job' => $jobId, 'status' => $status ?: 'pending']);
