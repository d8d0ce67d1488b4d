<?php
// The write comes after the page was flushed: a reopen there would fail (headers are sent), so
// the reopening fix is only shown (display-only) and the golden files say nothing is applied.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();
echo 'Hello ' . $userId;
flush();
$_SESSION['greeted'] = true; // expect: write-after-close
