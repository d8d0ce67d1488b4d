<?php
// The include root is the file's own directory, made canonical (`realpath()`, kept when it
// fails) and written with forward slashes (osTicket's bootstrap.php): every include written
// with it is followed.
$here = dirname(__FILE__);
$here = ($h = realpath($here)) ? $h : $here;
define('ROOT_DIR', str_replace('\\', '/', $here . '/'));
define('INCLUDE_DIR', ROOT_DIR . 'include/');
require INCLUDE_DIR . 'session.php';
