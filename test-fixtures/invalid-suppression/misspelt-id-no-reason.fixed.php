<?php
// A misspelt rule id in a suppression that also gives no reason: correcting the id alone would
// leave a comment that is still reported, and only a person can write the reason, so the
// comment gets no fix (the held session keeps its own).
declare(strict_types=1);

session_start();
$_SESSION['otp_failures'] = (int) ($_SESSION['otp_failures'] ?? 0) + 1;
// session-lint-ignore held-across-slow-calls // expect: invalid-suppression, invalid-suppression
session_write_close();
sleep(2); // expect: held-across-slow-call
echo json_encode(['ok' => false]);
