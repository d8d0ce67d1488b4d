<?php
// Reduced from adminer: the bootstrap switches the cache limiter off before the first start and
// a helper closes the session and switches the cookie off; `index.php` then includes a page that
// streams and reopens the session to write. The page, analysed on its own, is entered with what
// its includer knows there (cookie and cache limiter off), so its reopen after output is legal.
declare(strict_types=1);

session_cache_limiter('');
session_start();
