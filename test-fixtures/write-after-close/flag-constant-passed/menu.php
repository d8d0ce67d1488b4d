<?php
// A permission helper called with a project constant as its "only check" flag: the constant's
// one value decides the helper's branches as a literal would.
require __DIR__ . '/constants.php';

function add_error($message)
{
    $_SESSION['errors'][] = $message;
}

function admin_authenticate($privilege = 0, $check = false)
{
    if (empty($_SESSION['valid_user'])) {
        if ($check) {
            return false;
        }
        header('Location: login.php');
        exit;
    }
    if ($privilege && !($_SESSION['privileges'] & $privilege)) {
        if ($check) {
            return false;
        }
        add_error('ACCESS_DENIED');
        exit;
    }
    return true;
}

session_start();
$_SESSION['valid_user'] = true;
session_write_close();
header('Location: bounce.php');
if (admin_authenticate(1, PRIV_RETURN)) { // expect: write-after-close@warning
    echo 'admin menu';
}
