<?php
// The other entry script: the same constant, another value.
define('APP_MODE', 'background');
require __DIR__ . '/lib.php';
