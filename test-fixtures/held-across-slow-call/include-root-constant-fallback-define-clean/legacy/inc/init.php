<?php
// An older copy of the bootstrap: a second file whose path ends in `inc/init.php`, so the include's
// written rest names no one file either (`flow/include-suffixes.ts`) and the twin still tests only
// what the root constant reaches.
session_start();
$_SESSION['seen'] = time();
