<?php
// Reduced from Postfix Admin's public/backup.php:136. The session may be open because of the
// include; calls on the way (in both branches) and the `if` on fopen() must not become the
// reason named ("stays open when `!$fh = fopen(…)` is true" was reported, the wrong way round
// and about the wrong condition).
require_once 'common.php';

$backup = (string) tempnam(sys_get_temp_dir(), 'dump');
if (!$fh = fopen($backup, 'w')) {
    show_message('Cannot open the dump file');
} else {
    write_dump($fh);
    fclose($fh);
    $fh = fopen($backup, 'r');
    header('Content-Type: application/octet-stream');
    fpassthru($fh); // expect: held-across-slow-call "stays open when `require_once 'common.php'` opens it \(line 6\)"
}
