<?php
// Ampache batch.php after 750d4668fd: the time limit is lifted, the session closed before the
// zip is built and sent, and the page ends with `exit;`. The only paths that keep the session to
// an `exit` are the error pages before (access denied): the request's own end is the last
// `exit;`, reached after the close, so the long work the sign announces runs without the lock.
declare(strict_types=1);

session_start();
if (!Access::check('batch_download')) {
    UI::access_denied();
    exit;
}
set_time_limit(0);
$ids = Playlist::items((int) ($_REQUEST['id'] ?? 0));
if (count($ids) === 0) {
    UI::access_denied();
    exit;
}
$_SESSION['last_batch'] = time();
session_write_close();
Zip::send('batch.zip', $ids);
exit;
