<?php
// A module picked by name from the request: the file comes from a pattern include, and the class from the same
// name. Every module's constructor fetches a remote feed, so whichever runs, the lock is held across it: one
// finding, at this `new`, where the early close goes (not one more per module for the same hold).
session_start();
$name = basename($_GET['module'] ?? 'weather');
require __DIR__ . "/modules/$name.php";
$class = ucfirst($name) . 'Module';
$module = new $class(); // expect: held-across-slow-call "which reaches `file_get_contents\(\)`"
$_SESSION['last_module'] = $name;
echo $module->html;
