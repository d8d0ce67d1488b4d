<?php
// The script's first statement flushes the output buffer: nothing was written, so nothing is
// sent, the headers below still work and so does the session start after them.
ob_end_flush();
header('Content-Type: text/event-stream');
session_start();
$_SESSION['seen'] = true;
