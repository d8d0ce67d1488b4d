<?php
// A graph page: the session is open while it looks for a cached image.
require_once __DIR__ . '/config.inc.php';
require_once __DIR__ . '/image-cache.php';
session_start();
$name = '/var/cache/app/' . basename((string) ($_GET['graph'] ?? 'users')) . '.png';
$cache = new ImageCache();
if ($cache->GetAndStream($name)) { // expect: held-across-slow-call@info "needs the setting `USE_CACHE` changed from the value the project ships, `false`"
    exit;
}
$_SESSION['drawn'] = true;
