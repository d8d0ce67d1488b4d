<?php
// MantisBT core.php shape: every API file is loaded through a helper whose path is a
// directory prefix plus the helper's parameter; the session is opened at the top level of one of them.
function require_api($p_api_name) {
    require_once(__DIR__ . '/core/' . $p_api_name);
}
require_api('session_api.php');
