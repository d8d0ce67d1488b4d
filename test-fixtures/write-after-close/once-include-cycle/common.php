<?php
// Every page includes this bootstrap; it requires `feeds.php`, which `require_once`s this file
// back: a no-op, since this file is running (it is on the include stack). Its close at the end
// does not run inside the include, so the write after it is made with the session open (twin:
// `once-include-cycle-closes`).
declare(strict_types=1);

session_start();
require_once __DIR__ . '/feeds.php';
$_SESSION['seen'] = time();
session_write_close();
