<?php
// An include helper whose path is a global prefix plus its parameter: each call with a
// literal argument includes that file of core/, which opens the session.
require_once __DIR__ . '/config_defaults.php';
function require_api($p_api_name) {
    global $g_core_path;
    require_once($g_core_path . $p_api_name);
}
require_api('session_api.php');
