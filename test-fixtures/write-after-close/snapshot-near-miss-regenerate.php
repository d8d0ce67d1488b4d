<?php
// Near miss of snapshot-many-lost-writes.php: among the lost changes is
// `session_regenerate_id()`, which no snapshot can carry (it is no key of the array), so the fix
// reopens around each lost change instead.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();

$report = file_get_contents('https://reports.example/v1/users/' . $userId);
$_SESSION['last_report_at'] = time(); // expect: write-after-close
if ($report === false) {
    session_regenerate_id(true);
}
$rows = json_decode((string) $report, true);
if (!is_array($rows) || $rows === []) {
    unset($_SESSION['report_cache']);
}

echo count((array) $rows);
