<?php
// Clean: getID() either returns with the session open or redirects and exits. Reduced from
// DokuWiki (doku.php, inc/init.php): the files included here cannot be read (their paths are
// computed), but no file of the project defines UNIT_TESTING (only a test suite's bootstrap
// would), so they are not taken to define it and the request still starts without it.
require_once __DIR__ . '/lib.php';
foreach ($config_cascade['main'] ?? [] as $config_file) {
    if (file_exists($config_file)) {
        include $config_file;
    }
}
session_start();
$id = getID();
$_SESSION['crumbs'][] = $id;
