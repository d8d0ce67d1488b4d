<?php
// Included by export.php after it included lib.inc.php: PHP does not run lib.inc.php again,
// so no session_start() runs here after the debug output.
include_once __DIR__ . '/lib.inc.php';
$_SESSION['exports'] = ($_SESSION['exports'] ?? 0) + 1;
