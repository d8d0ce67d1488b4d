<?php
// An ownCloud-style app script: `lib/base.php` runs `OC::initSession()`, so the session is
// locked from the `require` on, here across a remote download.

require_once __DIR__ . '/../../../lib/base.php';

$url = (string) ($_GET['url'] ?? '');
$feed = file_get_contents('https://feeds.example.org/proxy?url=' . urlencode($url)); // expect: held-across-slow-call "OC::initSession"
echo $feed;
