<?php
declare(strict_types=1);

require __DIR__ . '/functions.php';
require __DIR__ . '/bootstrap.php';

stop_session();
require __DIR__ . '/page.php';
