<?php
// A by-reference binding into the session after it was closed only reads through the alias:
// nothing is written, so nothing is lost.
session_start();
session_write_close();
$user = &$_SESSION['user'];
echo htmlspecialchars($user['name'] ?? '');
