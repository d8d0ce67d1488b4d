<?php
// Reduced from phpMyAdmin (Session::setUp() and ErrorHandler::checkSavedErrors()): a helper moves
// saved messages out of the session; it returns at once when the key is not set and unsets it
// otherwise. Called before the close, it leaves the key unset on every path, so the same call
// after the close takes its early return and writes nothing.
declare(strict_types=1);

function saved_message_count(): int
{
    if (!isset($_SESSION['messages'])) {
        return 0;
    }
    $count = count($_SESSION['messages']);
    unset($_SESSION['messages']);
    return $count;
}

session_start();
$before = saved_message_count();
session_write_close();
if (saved_message_count() > $before) {
    echo 'Saving the session failed.';
}
