<?php
// A path held in a variable that is `__DIR__ . '…'` is as local as the literal: reading it is not remote I/O.
$dir = __DIR__ . '/templates';
session_start();
$_SESSION['views'] = ($_SESSION['views'] ?? 0) + 1;
echo file_get_contents("{$dir}/page.mustache");
