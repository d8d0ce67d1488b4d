<?php
// The page of `cookieless-included-page-clean`, also included by `export.php`, which starts the
// session with the cookie on: the page is entered with what every includer knows, and that is
// not enough here, so its reopen after output is reported (once, at the helper's start, with the
// page's calls and those of the helper called only from that page). On `export.php`'s path the
// cookie is on, so the page's reopen does nothing and its write is lost.
declare(strict_types=1);

session_cache_limiter('');
session_start();
