<?php
// The same shape, but only one module does slow work: which one runs is not known, and precision comes first, so
// only what every candidate does counts at the `new`: nothing is reported here. The module that fetches runs with the
// session held whenever it is the one chosen, and is reported at its fetch.
session_start();
$name = basename($_GET['module'] ?? 'weather');
require __DIR__ . "/modules/$name.php";
$class = ucfirst($name) . 'Module';
$module = new $class();
$_SESSION['last_module'] = $name;
echo $module->html;
