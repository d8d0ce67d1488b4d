<?php
// SimpleRisk's session_check() + enforce_permission(): on the timeout path `session_unset()`
// empties `$_SESSION` before `session_destroy()`, so the permission test on a key its caller
// names (`isset($_SESSION[$permission])`) is false, and the request ends there: the write
// after the check never runs on the path that destroyed the session.
declare(strict_types=1);

function session_check(): bool
{
    if (isset($_SESSION['LAST_ACTIVITY']) && time() - $_SESSION['LAST_ACTIVITY'] > 3600) {
        session_unset();
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
$_SESSION['workflow_start'] = '/page.php';
