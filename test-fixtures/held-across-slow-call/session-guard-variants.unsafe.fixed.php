<?php
// Every spelling of the "start the session unless it is active" guard opens the session when it
// starts closed, so each of these handlers holds the lock across its sleep or HTTP call.
declare(strict_types=1);

function wait_for_export(): void
{
    if (session_status() !== PHP_SESSION_ACTIVE) {
        session_start(['read_and_close' => true]); // expect: prefer-read-and-close
    }
    $jobId = (string) ($_SESSION['export_job'] ?? '');
    usleep(500000); // expect: held-across-slow-call
    echo json_encode(['job' => $jobId, 'done' => apcu_fetch("export:{$jobId}") === 'done']);
}

function refresh_avatar(): void
{
    if (session_id() === '') {
        session_start();
    }
    $email = strtolower(trim((string) ($_SESSION['email'] ?? '')));
    $ch = curl_init('https://www.gravatar.com/avatar/' . md5($email) . '?d=404');
    curl_setopt_array($ch, [CURLOPT_NOBODY => true, CURLOPT_TIMEOUT => 3]);
    curl_exec($ch); // expect: held-across-slow-call
    $_SESSION['has_gravatar'] = curl_getinfo($ch, CURLINFO_RESPONSE_CODE) === 200;
    curl_close($ch);
}

function legacy_keepalive(): void
{
    if (!session_id()) {
        session_start();
    }
    $_SESSION['keepalive'] = time();
    time_nanosleep(0, 200000000); // expect: held-across-slow-call
    echo 'ok';
}

function ensure_session(): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
}

function check_license(): void
{
    ensure_session();
    $key = (string) ($_SESSION['license_key'] ?? '');
    $ch = curl_init('https://licensing.example.com/v1/check/' . rawurlencode($key));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $_SESSION['license'] = json_decode((string) curl_exec($ch), true); // expect: held-across-slow-call
    curl_close($ch);
}
