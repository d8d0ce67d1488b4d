<?php
// The same shape where the session is still open when the long work runs: here the time limit
// is a sign of a long hold (the positive counterpart of corpus-time-limit-then-close.ok.php).
session_start();
@set_time_limit(0); // expect: held-across-slow-call
$user = $_SESSION['user'] ?? '';
$rows = run_user_query($user, $_POST['query'] ?? '');
$_SESSION['rows'] = count($rows);
echo count($rows);
