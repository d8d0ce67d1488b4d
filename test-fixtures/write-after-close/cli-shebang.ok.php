#!/usr/bin/env php
<?php
// FreshRSS cli/db-restore.php: a command-line script whose helper closes the session, then writes an error to
// `$_SESSION`. No client carries a session of a command-line run, so no later request would read it: not reported.
function init_database(): string {
    session_write_close();
    return 'cannot connect';
}
$error = init_database();
if ($error !== '') {
    $_SESSION['db_error'] = $error;
}
