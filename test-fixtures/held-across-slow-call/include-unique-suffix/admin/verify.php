<?php
// NagiosQL's shape: the bootstrap's folder comes from an INI file the installer writes, so the
// include's start cannot be known, but its written rest (a folder and a file) ends the path of
// exactly one file of the project: that file is what PHP loads, and its session is open here.
$SETS = parse_ini_file("../config/settings.ini", TRUE);
require($SETS['path']['physical'] . "functions/prepend_adm.php");
$check = file_get_contents('https://monitor.example.com/verify'); // expect: held-across-slow-call
echo htmlspecialchars($check);
