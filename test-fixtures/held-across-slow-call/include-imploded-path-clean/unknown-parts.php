<?php
// A separator the analysis cannot know, or a spread, leaves the path unknown: no file is guessed.
$parts = [ 'checklogin.php' ];
include implode($_GET['sep'], [ __DIR__, 'lib', 'checklogin.php' ]);
include implode(DIRECTORY_SEPARATOR, [ __DIR__, 'lib', ...$parts ]);
echo shell_exec('curl -s https://radius.example.com/status');
