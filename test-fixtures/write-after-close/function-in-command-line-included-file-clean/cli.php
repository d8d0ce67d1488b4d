#!/usr/bin/env php
<?php
// A command-line script includes the session helpers' file and calls the function itself: the only
// place the project shows that runs it is command-line code, which serves no client.
chdir(dirname($argv[0]));
include("lib/sessions.php");
logout(true);
