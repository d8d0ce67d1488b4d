<?php
// FileSender www/download.php before 3ec44bfd3: the same page without the close. The time limit
// announces a transfer that runs with the session still open.
declare(strict_types=1);

session_start();
try {
    if (!isset($_SESSION['user'])) {
        throw new RuntimeException('not logged in');
    }
    $ids = Transfer::checkFiles($_REQUEST['files_ids'] ?? '');
    session_write_close();
    set_time_limit(0); // expect: held-across-slow-call "sign that this request is expected to run long"
    Transfer::sendArchive($ids);
} catch (Exception $e) {
    header('Location: index.php?s=exception&message=' . urlencode($e->getMessage()));
}
