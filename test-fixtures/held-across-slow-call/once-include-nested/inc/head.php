<?php
require_once __DIR__ . '/boot.php';
echo '<html><body>';
