<?php
// included-constant-case-unset with an include the analysis cannot read between the fallback
// define() and the switch (SquirrelMail's `require(SM_PATH . $prefs_backend)`): PAGE_NAME is
// defined by then, so no file it includes can change its value, and `case 'style'` stays out.
if (!defined('PAGE_NAME')) define('PAGE_NAME', NULL);
session_start();
require(__DIR__ . '/' . $backend);
switch (PAGE_NAME) {
    case 'style':
        session_write_close();
        break;
    case 'mailto':
        break;
}
