<?php
// A suppression without a reason still suppresses the finding below it, but is itself reported:
// the next reader cannot tell why the lock is acceptable here.
declare(strict_types=1);

session_start();
$_SESSION['otp_failures'] = (int) ($_SESSION['otp_failures'] ?? 0) + 1;
// session-lint-ignore held-across-slow-call // expect: invalid-suppression
sleep(2);
echo json_encode(['ok' => false]);
