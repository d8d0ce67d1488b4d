<?php
// Included by every entry script: a page that defines no PAGE_NAME gets the fallback NULL, so
// `case 'style'` (the only close) does not run in its request (SquirrelMail's include/init.php).
if (!defined('PAGE_NAME')) define('PAGE_NAME', NULL);
session_start();
switch (PAGE_NAME) {
    case 'style':
        session_write_close();
        break;
    case 'mailto':
        break;
}
