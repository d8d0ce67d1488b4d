<?php
// The path globals an include helper builds on, set once at the top level (MantisBT's
// config_defaults_inc.php): $g_core_path is $g_absolute_path . 'core/'.
$g_absolute_path = __DIR__ . DIRECTORY_SEPARATOR;
$g_core_path = $g_absolute_path . 'core' . DIRECTORY_SEPARATOR;
