<?php
// A test that the session is closed (`session_status() === PHP_SESSION_NONE`) narrows the state
// but keeps the close that closed it: the lost write's message names line 6.
session_start();
$_SESSION['seen'] = time();
session_write_close();
if (session_status() === PHP_SESSION_NONE) {
    session_start();
    $_SESSION['late'] = 1; // expect: write-after-close "after the session was closed \(line 6\)"
    session_write_close();
}
