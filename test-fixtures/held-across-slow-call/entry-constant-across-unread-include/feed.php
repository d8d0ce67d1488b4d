<?php
// The feed defines `IN_FEED` before including the bootstrap, whose session opener returns early
// when it is defined. The bootstrap's `require 'vendor/autoload.php'` is not in the tree (the
// analysis cannot read it), but a constant once defined stays defined: the feed never opens the
// session, so its download holds nothing. `download.php` defines nothing and is reported.
define('IN_FEED', true);

require_once dirname(__FILE__) . '/header.php';

readfile('/var/cache/feeds/' . basename((string) $_GET['feed']));
