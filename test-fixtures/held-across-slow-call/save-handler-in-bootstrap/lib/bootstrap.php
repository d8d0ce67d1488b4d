<?php
// The application's bootstrap installs a store that takes no lock, for every page that requires it.
require_once __DIR__ . '/CacheStore.php';
session_set_save_handler(new CacheStore(), true);
