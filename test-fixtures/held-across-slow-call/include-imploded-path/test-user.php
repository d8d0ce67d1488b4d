<?php
// The include path is the array's elements joined by DIRECTORY_SEPARATOR: lib/checklogin.php.
include implode(DIRECTORY_SEPARATOR, [ __DIR__, 'lib', 'checklogin.php' ]);
echo shell_exec('curl -s https://radius.example.com/status'); // expect: held-across-slow-call
