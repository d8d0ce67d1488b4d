<?php
// show_gauge() is declared in slow-gauges.php (which dashboard.php, the request that runs this
// file, includes) and in quick-gauges.php (which only summary.php's request includes).
session_start();
show_gauge(); // expect: held-across-slow-call
$_SESSION['gauge_seen'] = true;
