<?php
// FileSender www/download.php after 3ec44bfd3: the time limit is lifted and the session closed
// right after it, inside a `try` whose `catch` redirects to an error page. The `catch` is also
// reached from the checks before the close, with the session open, but an error page is not the
// long work the sign announces: the transfer runs without the lock.
declare(strict_types=1);

session_start();
try {
    if (!isset($_SESSION['user'])) {
        throw new RuntimeException('not logged in');
    }
    $ids = Transfer::checkFiles($_REQUEST['files_ids'] ?? '');
    set_time_limit(0);
    session_write_close();
    Transfer::sendArchive($ids);
} catch (Exception $e) {
    header('Location: index.php?s=exception&message=' . urlencode($e->getMessage()));
}
