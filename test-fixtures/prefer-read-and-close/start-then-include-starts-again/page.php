<?php
// openSIS's ChooseCP.php (fresh11 G7): the page starts the session and reads it only, but the
// include on the next line starts it again. That start does nothing while this one holds the
// lock; with this one switched to `read_and_close` it would take the lock back until the page
// ends, so the advice frees nothing: no finding.
session_start();
include __DIR__ . '/login-check.php';
echo 'hello ' . htmlspecialchars($_SESSION['uid']);
