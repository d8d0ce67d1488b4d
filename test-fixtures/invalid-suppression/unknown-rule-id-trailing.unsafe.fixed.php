<?php
// An unknown rule id at the end of the reported line: the suppression is reported and does not
// suppress, so the line carries both findings.
declare(strict_types=1);

session_start();
$_SESSION['export_requested'] = true;
session_write_close();
exec('php bin/export.php --user=' . (int) ($_SESSION['user_id'] ?? 0), $out, $code); // session-lint-ignore session-held-too-long: runs in under a second // expect: held-across-slow-call, invalid-suppression
session_start();
$_SESSION['export_exit_code'] = $code;
session_write_close();
