<?php
// Another entry script: loads the quick helpers, then the totals page.
require __DIR__ . '/quick-gauges.php';
require __DIR__ . '/totals.php';
