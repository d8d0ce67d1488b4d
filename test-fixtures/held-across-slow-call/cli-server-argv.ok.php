<?php
// Reads its arguments through $_SERVER['argv'] at the top level, as a build script of the
// corpus does (`$_SESSION["lang"] = $_SERVER["argv"][1]`): a command-line script.
$lang = $_SERVER['argv'][1];
session_start();
$_SESSION['lang'] = $lang;
exec('msgfmt ' . escapeshellarg($lang) . '.po');
