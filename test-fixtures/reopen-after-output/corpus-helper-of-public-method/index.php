<?php
// Clean: cached_list() reopens the session after output only when the cookie is off, and the
// bootstrap has switched the cookie and the cache limiter off before it: it is run only through
// Db::lists(), a public method whose every call (on `$db`, typed, and on `$page`, whose class
// the analysis cannot know) runs after the bootstrap, so it gets the bootstrap's facts.
require __DIR__ . '/bootstrap.php';
require __DIR__ . '/lib.php';
$db = new Db();
$db->lists();
$page = make_page();
$page->lists();
