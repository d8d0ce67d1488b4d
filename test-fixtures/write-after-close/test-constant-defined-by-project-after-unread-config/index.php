<?php
// Positive: a file of the project defines UNIT_TESTING (preload.php), so an included file the
// analysis cannot read may define it too: send_redirect() may return after its close, and
// the write after getID() may be lost.
require_once __DIR__ . '/lib.php';
foreach ($config_cascade['main'] ?? [] as $config_file) {
    if (file_exists($config_file)) {
        include $config_file;
    }
}
session_start();
$id = getID();
$_SESSION['crumbs'][] = $id; // expect: write-after-close
