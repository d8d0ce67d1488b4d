<?php
// Included from public/index.php; 'config.php' resolves against public/ first.
require 'config.php';
