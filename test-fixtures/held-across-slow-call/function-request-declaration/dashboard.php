<?php
// An entry script: it loads the slow gauge helpers, then the gauge page. The page neither
// declares nor includes show_gauge(); the declaration its request runs is this request's.
require __DIR__ . '/slow-gauges.php';
require __DIR__ . '/gauge.php';
