<?php
// The section file is chosen by the request (a path the analysis cannot name), so nothing
// includes it as far as the analysis sees: it is analysed as a request of its own, and such a
// request ends at its guard (`CC_INI_SET` is defined here, so the file is meant to be included).
define('CC_INI_SET', true);
session_start();
$include = __DIR__ . '/sources/' . basename($_GET['_g']) . '.inc.php';
if (file_exists($include)) { require $include; }
