<?php
// The `if` form of included-constant-case-unset: `PAGE_NAME === 'style'` is false with the
// fallback NULL this file defines for an entry script that defines none.
if (!defined('PAGE_NAME')) define('PAGE_NAME', NULL);
session_start();
if (PAGE_NAME === 'style') {
    session_write_close();
}
