<?php
// The helper of `corpus-session-key-unset-before-close.ok.php`, but the page saves a message
// again before the close: the key is set, so the call after the close unsets it, and that
// write is lost.
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
$_SESSION['messages'][] = 'Saved.';
session_write_close();
session_start();
if (saved_message_count() > $before) { // expect: write-after-close
    echo 'Saving the session failed.';
}
session_write_close();
