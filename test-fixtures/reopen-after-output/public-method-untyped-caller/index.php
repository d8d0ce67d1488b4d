<?php
// Positive: Db::lists() is public and run(), given a handler of a class the analysis cannot
// know, calls `->lists()` on it: a place that runs it may be unseen, so cached_list() is not
// entered with the bootstrap's facts and its reopen after output is reported.
require __DIR__ . '/bootstrap.php';
require __DIR__ . '/lib.php';

function run($handler) {
    $handler->lists();
}

$db = new Db();
$db->lists();
