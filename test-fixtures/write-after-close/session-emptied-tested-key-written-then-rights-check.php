<?php
// Twin of session-emptied-other-key-written-then-rights-check.ok.php: after the emptying the
// code writes the very key the permission check reads, so the check may pass after the
// destroy and the write after it may be lost.
function has_rights($flag)
{
    return ($_SESSION['rights'] & $flag);
}

session_start();
if (isset($_SESSION['startTime']) && time() - $_SESSION['startTime'] > 3600) {
    $_SESSION = array();
    session_destroy();
}
if (isset($_POST['rights'])) {
    $_SESSION['rights'] = (int) $_POST['rights']; // expect: write-after-close@info
}
if (!has_rights(4)) {
    header('Location: PP_error.php?c=accessdenied');
    die();
}
$_SESSION['pr_sql_export'] = 'SELECT 1';
