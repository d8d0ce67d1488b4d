<?php
// The helper closes the session only on the path where it returns false, and the caller returns then: the write runs with the session open.
function hasDatabase(): bool {
    if (($_GET['db'] ?? '') === '') {
        session_write_close();
        header('Location: /');
        return false;
    }
    return true;
}
session_start();
if (!hasDatabase()) { return; }
$_SESSION['last_db'] = $_GET['db'];
