<?php
// A module picked by name from the request: the file comes from a pattern include, and the class from the same
// name. Every module's constructor fetches a remote feed, so whichever runs, the lock is held across it: each
// constructor runs with the session held and is reported at its fetch (this `new` is one of the first group's call sites).
session_start();
$name = basename($_GET['module'] ?? 'weather');
require __DIR__ . "/modules/$name.php";
$class = ucfirst($name) . 'Module';
$module = new $class();
$_SESSION['last_module'] = $name;
echo $module->html;
