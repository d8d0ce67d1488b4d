<?php
// The twin of `direct-request-guard-computed-include-clean` where the project never defines the
// constant its section file tests (a host application does, as WordPress's `ABSPATH`): the file
// may run past its guard in requests the project does not show, so it is still analysed there.
require __DIR__ . '/lib.php';
$GLOBALS['session'] = Session::getInstance();
$GLOBALS['main'] = new Main();
$include = $GLOBALS['main']->importNode($_GET['_g'] ?? 'files', $_GET['node'] ?? 'index');
if (file_exists($include)) { require $include; }
