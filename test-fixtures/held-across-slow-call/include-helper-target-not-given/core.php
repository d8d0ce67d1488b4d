<?php
// Every API file is loaded through a helper whose path is a directory prefix plus its parameter.
function require_api($p_api_name)
{
    require_once(__DIR__ . '/core/' . $p_api_name);
}
require_api('session_api.php');
