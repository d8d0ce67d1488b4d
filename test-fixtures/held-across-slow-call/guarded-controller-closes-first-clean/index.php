<?php
// The twin of `guarded-controller-own-session`: the included controller saves the session and
// closes it before it fetches the feed, so no lock is held across the fetch.
define('CC_INI_SET', true);
include __DIR__ . '/controllers/controller.index.inc.php';
echo $page;
