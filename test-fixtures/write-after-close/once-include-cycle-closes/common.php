<?php
// Twin of `once-include-cycle`: `feeds.php` `require_once`s a file that nothing on this path
// has included yet, and that one closes the session, so the write after it is lost.
declare(strict_types=1);

session_start();
require_once __DIR__ . '/feeds.php';
$_SESSION['seen'] = time(); // expect: write-after-close
