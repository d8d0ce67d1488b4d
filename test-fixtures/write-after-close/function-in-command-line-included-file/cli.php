#!/usr/bin/env php
<?php
// A command-line script: it includes the session helpers' file, which is all the project shows
// of who includes that file, so the file's top level runs only from the command line.
chdir(dirname($argv[0]));
include("lib/sessions.php");
echo "ok\n";
