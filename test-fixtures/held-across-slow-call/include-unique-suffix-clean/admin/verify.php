<?php
// The include's start cannot be known and two project files end with its written rest: which one
// PHP loads is not known, and the include reaches neither (it never fans out to several), so the
// session is not known to be open at the slow call.
$SETS = parse_ini_file("../config/settings.ini", TRUE);
require($SETS['path']['physical'] . "functions/prepend_adm.php");
$check = file_get_contents('https://monitor.example.com/verify');
echo htmlspecialchars($check);
