<?php
// A path the request sends (`$_GET['feed']`) may be anything, a URL included: reported at info,
// saying that the path is not known.
declare(strict_types=1);

session_start();
$_SESSION['last_feed'] = (string) ($_GET['feed'] ?? '');
session_write_close();
$lines = file($_GET['feed']); // expect: held-across-slow-call@info "on a path not known here"
echo count($lines ?: []);
