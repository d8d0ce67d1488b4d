<?php
// A namespaced helper in another file streams the download while the bootstrap's lock is held.
require __DIR__ . '/../lib/bootstrap.php';
require_once __DIR__ . '/../lib/api.php';

\App\download_file('/srv/exports/' . basename($_GET['name'])); // expect: held-across-slow-call "download_file"
