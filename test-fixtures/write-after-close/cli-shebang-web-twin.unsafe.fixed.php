<?php
// The same code served to a web request: the write after the helper's close is lost.
function init_database(): string {
    session_write_close();
    return 'cannot connect';
}
session_start();
$error = init_database();
if ($error !== '') {
    session_start();
    $_SESSION['db_error'] = $error; // expect: write-after-close
    session_write_close();
}
