<?php
// The twin of `direct-request-guard-computed-include-clean` where the project never defines the
// constant its section file tests (a host application does, as WordPress's `ABSPATH`): the
// file may run past the guard in requests the project cannot show, so it is still reported.
session_start();
$include = __DIR__ . '/sources/' . basename($_GET['_g']) . '.inc.php';
if (file_exists($include)) { require $include; }
