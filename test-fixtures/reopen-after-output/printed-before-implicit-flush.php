<?php
// `printf()` writes into the buffer before implicit flushing is switched on: the bytes and the
// headers are sent, and the session start after it fails.
error_reporting(E_ALL);
printf('%s', 'starting');
ob_implicit_flush();
session_start(); // expect: reopen-after-output
$_SESSION['seen'] = true;
