<?php
// The function only the command-line script calls: no web request runs it.
function logout($relogin = false)
{
    @session_start();
    if ($relogin) {
        $_SESSION['relogin'] = true;
        session_write_close();
        session_regenerate_id(true);
    }
}
