<?php
// Ampache batch.php before 750d4668fd: the same page without the close, ending with `exit;`.
// The zip is built and sent with the session still open.
declare(strict_types=1);

session_start();
if (!Access::check('batch_download')) {
    UI::access_denied();
    exit;
}
session_write_close();
set_time_limit(0); // expect: held-across-slow-call "sign that this request is expected to run long"
$ids = Playlist::items((int) ($_REQUEST['id'] ?? 0));
if (count($ids) === 0) {
    UI::access_denied();
    exit;
}
session_start();
$_SESSION['last_batch'] = time();
session_write_close();
Zip::send('batch.zip', $ids);
exit;
