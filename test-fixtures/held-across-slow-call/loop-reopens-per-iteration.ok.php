<?php
// A batch job reopens the session only briefly inside each iteration to publish progress, and
// closes it before the slow work of that iteration: the lock is never held across the work.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
$urls = $_SESSION['pending_imports'] ?? [];
session_write_close();

ignore_user_abort(true);
set_time_limit(0);

foreach ($urls as $index => $url) {
    session_start();
    $_SESSION['import_progress'] = ['done' => $index, 'total' => count($urls)];
    session_write_close();

    $ch = curl_init($url);
    curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 30]);
    $payload = curl_exec($ch);
    curl_close($ch);
    apcu_store("import:{$userId}:{$index}", $payload, 3600);
}

session_start();
$_SESSION['import_progress'] = ['done' => count($urls), 'total' => count($urls)];
session_write_close();
