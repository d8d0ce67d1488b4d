<?php
// The twin of include-document-root: two folders above this page have `inc/main.php`
// (`web/` and the project's root), so which one the include loads depends on the server's
// configuration; nothing is reported through it.
include($_SERVER['DOCUMENT_ROOT'] . "/inc/main.php");
exec('/usr/bin/sudo /usr/local/panel/bin/add-web-domain example.org', $output, $code);
