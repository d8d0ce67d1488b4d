<?php
// Reduced from adminer: the bootstrap switches the cache limiter off before the first start,
// a helper closes the session and switches the cookie off, and another reopens it to write
// while the page streams. php-src sends no header on such a reopen, so it works after output.
declare(strict_types=1);

session_cache_limiter('');
session_start();
