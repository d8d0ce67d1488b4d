<?php
// Adminer adminer/include/bootstrap.inc.php:63-71 and include/auth.inc.php:155: the session is
// opened, the time limit is lifted for the long queries to come, and the session is closed on
// every path before any of that work runs. The lock is not held across the long work, so
// set_time_limit(0) is no sign of a long hold here.
session_start();
@set_time_limit(0);
$user = $_SESSION['user'] ?? '';
$_SESSION['seen'] = time();
session_write_close();
$rows = run_user_query($user, $_POST['query'] ?? '');
echo count($rows);
