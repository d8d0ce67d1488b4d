<?php
// The admin pages' bootstrap: starts the session and leaves it open for the page.
session_start();
if (!isset($_SESSION['username'])) {
    $_SESSION['username'] = '';
}
