<?php
// Include helpers that must not reach a file: an argument not known here, and a prefix
// global given two different values (which one a request sees is not known).
function require_api($p_api_name) {
    require_once(__DIR__ . '/core/' . $p_api_name);
}
function require_lib($p_name) {
    global $g_lib_path;
    require_once($g_lib_path . $p_name);
}
