<?php
// CubeCart's admin: the session is a singleton started here, and the section file is chosen by
// the request (`require $include`, a path a method computes). The section file refuses direct
// requests unless `CC_INI_SET` (defined here) is defined, so on its own it does nothing; when
// included, `Session::getInstance()` returns the session started here, before any output.
define('CC_INI_SET', true);
require __DIR__ . '/lib.php';
$GLOBALS['session'] = Session::getInstance();
$GLOBALS['main'] = new Main();
$include = $GLOBALS['main']->importNode($_GET['_g'] ?? 'files', $_GET['node'] ?? 'index');
if (file_exists($include)) { require $include; }
