<?php
declare(strict_types=1);

require __DIR__ . '/common.php';

echo feed_count();
