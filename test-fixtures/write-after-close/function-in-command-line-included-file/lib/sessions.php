<?php
// Observium's `sessions.inc.php`: the file's top level runs only for the command-line script that
// includes it, but the function it declares is called by the web login too. The function is a unit
// of its own, so its finding stays.
function logout($relogin = false)
{
    @session_start();
    if ($relogin) {
        $_SESSION['relogin'] = true;
        session_write_close();
        session_regenerate_id(true); // expect: write-after-close
    }
}
