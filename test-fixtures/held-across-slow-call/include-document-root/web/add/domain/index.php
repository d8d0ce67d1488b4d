<?php
// `$_SERVER['DOCUMENT_ROOT']` is not in the code, but the page lies under it: the document root
// is this folder or one above it, and of those only `web/` has `inc/main.php`. The session
// main.php opens is held across the program that adds the domain.
include($_SERVER['DOCUMENT_ROOT'] . "/inc/main.php");
exec('/usr/bin/sudo /usr/local/panel/bin/add-web-domain example.org', $output, $code); // expect: held-across-slow-call@info
