<?php
// The configuration element has two values in the project: the include is not guessed, so the
// session that ops/library/checklogin.php opens is not taken as open here.
include implode(DIRECTORY_SEPARATOR, [ __DIR__, '..', 'common', 'config_read.php' ]);
include implode(DIRECTORY_SEPARATOR, [ $configValues['OPS_LIBRARY'], 'checklogin.php' ]);
echo shell_exec('curl -s https://radius.example.com/status');
