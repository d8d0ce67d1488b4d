<?php
// The include's folder is an element of the configuration array the included config_read.php
// sets: ops/library/checklogin.php.
include implode(DIRECTORY_SEPARATOR, [ __DIR__, '..', 'common', 'config_read.php' ]);
include implode(DIRECTORY_SEPARATOR, [ $configValues['OPS_LIBRARY'], 'checklogin.php' ]);
echo shell_exec('curl -s https://radius.example.com/status'); // expect: held-across-slow-call
