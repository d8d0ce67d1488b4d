<?php
// Near miss of cookieless-helpers/: the cache limiter stays on (`nocache`), so php-src aborts the
// reopen after output (and empties $_SESSION) although the cookie is off.
declare(strict_types=1);

session_start();
