<?php
// MediaWiki's Setup.php: the store is installed unless the entry script defined NO_SESSION_HANDLER (the installer).
require_once __DIR__ . '/CacheStore.php';
if (!defined('NO_SESSION_HANDLER')) {
    session_set_save_handler(new CacheStore(), true);
}
session_start();
