<?php
// One function declared in both branches of a condition: a request runs one of them, and
// with the second the session is open after the call.
if (defined('EXTERNAL_USERS') && EXTERNAL_USERS) {
    function logged_in_level()
    {
        return 0;
    }
} else {
    function logged_in_level()
    {
        session_start();
        return $_SESSION['level'] ?? 0;
    }
}
