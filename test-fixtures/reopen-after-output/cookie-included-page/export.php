<?php
declare(strict_types=1);

require __DIR__ . '/functions.php';

session_start();
session_write_close();
require __DIR__ . '/page.php'; // expect: write-after-close
