<?php
// show_totals() is declared in quick-gauges.php (summary.php's request, which runs this file)
// and in reports.php (another entry script, slow): this request runs the quick one.
session_start();
show_totals();
$_SESSION['totals_seen'] = true;
