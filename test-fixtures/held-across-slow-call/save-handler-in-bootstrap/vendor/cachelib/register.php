<?php
// A bundled library's own registration, which no entry script includes: it changes nothing for the pages.
require_once __DIR__ . '/MemcacheStore.php';
session_set_save_handler(new MemcacheStore(), true);
