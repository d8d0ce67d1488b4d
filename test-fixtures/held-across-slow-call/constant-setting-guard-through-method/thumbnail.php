<?php
// A thumbnail page: the same shape through the cache the configuration ships on.
require_once __DIR__ . '/config.inc.php';
require_once __DIR__ . '/thumb-cache.php';
session_start();
$name = '/var/cache/app/' . basename((string) ($_GET['graph'] ?? 'users')) . '.thumb.png';
$thumbs = new ThumbCache();
if ($thumbs->GetAndStream($name)) { // expect: held-across-slow-call@warning
    exit;
}
$_SESSION['drawn'] = true;
