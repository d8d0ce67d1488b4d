<?php
// Reduced from A2Billing (admin.defines.php, admin.module.access.php, every admin page): the
// 60-minute timeout empties `$_SESSION` and destroys the session; the page's permission check
// `has_rights()` returns `$_SESSION['rights'] & $flag`, an int, which is `null & $flag`, 0, once
// no key is set, so the page exits there and its write never runs after the destroy.
function has_rights($flag)
{
    return ($_SESSION['rights'] & $flag);
}

session_start();
if (isset($_SESSION['startTime'])) {
    if (time() - $_SESSION['startTime'] > 3600) {
        $_SESSION = array();
        session_destroy();
    }
} else {
    $_SESSION['startTime'] = time();
}
if (!has_rights(4)) {
    header('Location: PP_error.php?c=accessdenied');
    die();
}
$_SESSION['pr_sql_export'] = 'SELECT 1';
