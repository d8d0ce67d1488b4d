<?php
// CubeCart's shop entry: the controller refuses direct requests unless `CC_INI_SET` is defined,
// and starts the session itself. Requested on its own it ends at its guard; run from here it
// holds the session across the feed it fetches, which this request's analysis reports.
define('CC_INI_SET', true);
include __DIR__ . '/controllers/controller.index.inc.php'; // expect: held-across-slow-call "file_get_contents"
echo $page;
