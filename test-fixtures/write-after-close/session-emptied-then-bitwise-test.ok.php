<?php
// The same fact in a condition: `$_SESSION['rights'] & 8` is `null & 8`, 0, after the logout
// branch emptied the session, so the branch that writes is not taken after the destroy.
session_start();
if (isset($_GET['logout'])) {
    $_SESSION = [];
    session_destroy();
}
if ($_SESSION['rights'] & 8) {
    $_SESSION['menu'] = 'admin';
}
