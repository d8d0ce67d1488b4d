<?php
// A long export streams its progress and records the result in the session at the end. Right
// after the early close, and before any output, it switches the session cookie and the cache
// limiter off: php-src then sends no headers on the reopen, so the reopen after the flushes
// works and the write is saved (the same session id is reused).
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
ini_set('session.use_cookies', '0');
ini_set('session.use_only_cookies', '0');
session_cache_limiter('');

foreach (range(1, 10) as $step) {
    echo "step {$step}\n";
    flush();
}

session_start();
$_SESSION['export_done_for'] = $userId;
session_write_close();
