<?php
// A page whose section files refuse direct requests: `sources/page.inc.php` dies unless
// `CC_INI_SET` (defined here) is defined. Requested on its own it ends at the guard; included
// from here the session is already open. Nothing starts a session after output.
define('CC_INI_SET', true);
session_start();
require __DIR__ . '/sources/page.inc.php';
