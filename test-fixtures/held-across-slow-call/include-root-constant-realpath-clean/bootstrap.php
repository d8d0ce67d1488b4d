<?php
// The twin of include-root-constant-realpath: the root is reassigned from something not
// known here, so which directory `INCLUDE_DIR` is, and what its includes reach, is not known.
$here = dirname(__FILE__);
$here = ($h = realpath($here)) ? $h : getenv('APP_ROOT');
define('ROOT_DIR', str_replace('\\', '/', $here . '/'));
define('INCLUDE_DIR', ROOT_DIR . 'include/');
require INCLUDE_DIR . 'session.php';
