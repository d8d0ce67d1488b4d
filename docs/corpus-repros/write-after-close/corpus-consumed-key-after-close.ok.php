<?php
// phpMyAdmin libraries/classes/Session.php:237-241 and ErrorHandler::checkSavedErrors():
// the first call, with the session open, consumes $_SESSION['errors'] (unset); after the
// close the same call finds the key unset, so its write (behind the isset guard) cannot run.
function countErrors(): int {
    if (!isset($_SESSION['errors'])) {
        return 0;
    }
    $n = count($_SESSION['errors']);
    unset($_SESSION['errors']);
    return $n;
}

session_start();
$before = countErrors();
session_write_close();
$after = countErrors();
echo $before + $after;
