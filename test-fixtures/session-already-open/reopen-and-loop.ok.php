<?php
// Starting again after a close is a reopen, not a double start; a loop that opens and closes on
// each iteration never reaches its session_start() with the session open.
declare(strict_types=1);

function save_progress(array $batches): void
{
    foreach ($batches as $i => $batch) {
        session_start();
        $_SESSION['progress'] = $i;
        session_write_close();
        file_put_contents('/var/spool/app/batch-' . $i . '.json', json_encode($batch));
    }
}

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();

$profile = json_decode((string) file_get_contents('/var/cache/app/profile-' . $userId . '.json'), true);

session_start();
$_SESSION['profile_name'] = $profile['name'] ?? '';
session_write_close();
