<?php
// Twin of session-emptied-then-bitwise-rights-check.ok.php without `$_SESSION = array()`:
// `session_destroy()` alone leaves `$_SESSION['rights']` as it was, so `has_rights()` may be
// truthy after the destroy and the write after the check may be lost.
function has_rights($flag)
{
    return ($_SESSION['rights'] & $flag);
}

session_start();
if (isset($_SESSION['startTime'])) {
    if (time() - $_SESSION['startTime'] > 3600) {
        session_destroy();
    }
} else {
    $_SESSION['startTime'] = time();
}
if (!has_rights(4)) {
    header('Location: PP_error.php?c=accessdenied');
    die();
}
$_SESSION['pr_sql_export'] = 'SELECT 1'; // expect: write-after-close@info
