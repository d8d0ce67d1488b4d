<?php
// Positive: Db::lists() is public, and run(), given a handler of a class the analysis cannot
// know, calls `->lists()` on it: that call may run Db::lists() too, and nothing says the
// cookie and the cache limiter are off there (run() may be called from anywhere), so
// cached_list() is not entered with the bootstrap's facts and its reopen after output is reported.
require __DIR__ . '/bootstrap.php';
require __DIR__ . '/lib.php';

function run($handler) {
    $handler->lists();
}

$db = new Db();
$db->lists();
