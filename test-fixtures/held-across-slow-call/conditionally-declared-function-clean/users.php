<?php
// Both declarations close what they open: whichever a request runs, nothing is held after it.
if (defined('EXTERNAL_USERS') && EXTERNAL_USERS) {
    function logged_in_level()
    {
        return 0;
    }
} else {
    function logged_in_level()
    {
        session_start(['read_and_close' => true]);
        return $_SESSION['level'] ?? 0;
    }
}
