<?php
// Serves an original photo with the session open: found although the constant comes from a file the analysis cannot read.
require __DIR__ . '/common.php';
set_time_limit(0);
readfile('https://media.example.com/originals/' . rawurlencode($_GET['id'] ?? '')); // expect: held-across-slow-call
