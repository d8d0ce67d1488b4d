<?php
// Piwigo's include/common.inc.php: the installer writes local/config/database.inc.php, which defines PHPWG_INSTALLED;
// the file is not in the tree, so whether the constant is defined cannot be known (a page must not be taken to exit).
@include __DIR__ . '/local/config/database.inc.php';
if (!defined('APP_INSTALLED')) {
    header('Location: install.php');
    exit;
}
session_start();
