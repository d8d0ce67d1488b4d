<?php
// Near miss of cookieless-reopen.ok.php: the cache limiter is off but the session cookie is
// not, so php-src still refuses the start once headers are sent and the write is lost.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');
session_cache_limiter('');

foreach (range(1, 10) as $step) {
    echo "step {$step}\n";
    flush();
}

session_start(); // expect: reopen-after-output
$_SESSION['export_done_for'] = $userId;
session_write_close();
