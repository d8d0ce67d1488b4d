<?php
// The library every page includes: it may open the session (not when PHP has done so already)
// and, on a debug request, sends output.
if (!ini_get('session.auto_start')) {
    session_start();
}
require_once __DIR__ . '/misc.php';
$misc = new Misc();
$misc->connect();
$_SESSION['last_seen'] = time();
