<?php
// A path the request sends (`$_GET['feed']`) is not known here: precision first, a path the
// analysis cannot know is not slow work (on real code it is nearly always a local file).
declare(strict_types=1);

session_start();
$_SESSION['last_feed'] = (string) ($_GET['feed'] ?? '');
$lines = file($_GET['feed']);
echo count($lines ?: []);
