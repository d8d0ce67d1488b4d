<?php
// The imploded path names lib/helpers.php, not the other file of lib/: no session is open.
include implode(DIRECTORY_SEPARATOR, [ __DIR__, 'lib', 'helpers.php' ]);
echo shell_exec('curl -s https://radius.example.com/status');
