<?php
// The buffer is flushed after something was written into it: the bytes and the headers are
// sent, and the session start after it fails.
echo 'starting';
ob_end_flush();
session_start(); // expect: reopen-after-output
$_SESSION['seen'] = true;
