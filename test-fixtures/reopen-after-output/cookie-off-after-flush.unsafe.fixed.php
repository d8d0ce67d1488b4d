<?php
// Near miss of cookieless-reopen.ok.php: the settings are changed after the first flush, when
// PHP refuses every session ini change ("headers already sent"), so the reopen still fails.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');

echo "working\n";
flush();

ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');
session_start(); // expect: reopen-after-output
$_SESSION['export_done_for'] = $userId;
session_write_close();
