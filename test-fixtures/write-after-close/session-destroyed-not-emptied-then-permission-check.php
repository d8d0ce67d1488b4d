<?php
// Twin of session-emptied-then-permission-check.ok.php without `session_unset()`:
// `session_destroy()` alone leaves `$_SESSION` as it was, so the permission test may pass
// after the destroy and the write after it is lost.
declare(strict_types=1);

function session_check(): bool
{
    if (isset($_SESSION['LAST_ACTIVITY']) && time() - $_SESSION['LAST_ACTIVITY'] > 3600) {
        session_destroy();
        return false;
    }
    $_SESSION['LAST_ACTIVITY'] = time();
    return true;
}

function check_permission(string $permission): bool
{
    if (!isset($_SESSION[$permission]) || $_SESSION[$permission] != 1) {
        return false;
    }
    return true;
}

function enforce_permission(string $permission): void
{
    if (!check_permission($permission)) {
        header('Location: /index.php');
        exit(0);
    }
}

session_start();
session_check();
enforce_permission('access');
$_SESSION['workflow_start'] = '/page.php'; // expect: write-after-close
