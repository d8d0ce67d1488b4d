<?php
// Reduced from phpMyAdmin (cause F in docs/corpus-review.md): the session is closed and
// reopened under the same unchanged `!defined('TESTSUITE')`, so on every path where it was
// closed it is open again before the write.
declare(strict_types=1);

session_start();
if (!defined('TESTSUITE')) {
    session_write_close();
}
$rows = count($_POST);
if (!defined('TESTSUITE')) {
    session_start();
}
$_SESSION['last_count'] = $rows;
